// Template variables in assembled RST: `{{ name }}` replaced by generated text.
// A variable alone on its line is a block: its lines are indented like the
// placeholder and carry their own origins. Unknown names are errors at file:line.
import { type Diagnostic, error } from "../diagnostics/diagnostic.ts";
import { MappedText, type Origin } from "../diagnostics/line-map.ts";

/** A variable's value: text, and optionally where each of its lines came from. */
export interface VariableValue {
  text: string;
  /** One origin per line of `text` (e.g. the YAML line a table row describes). */
  origins?: (Origin | undefined)[];
}

export type VariableSource = (name: string) => VariableValue | undefined;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const ALONE = /^(\s*)\{\{\s*([A-Za-z0-9_]+)\s*\}\}\s*$/;

/** Names of the variables used in some text, in order of first use. */
export function usedVariables(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]);
  return [...names];
}

export function substituteVariables(input: MappedText, lookup: VariableSource): { text: MappedText; diagnostics: Diagnostic[] } {
  const out = new MappedText();
  const diagnostics: Diagnostic[] = [];
  const unknown = (name: string, origin: Origin, column: number) =>
    diagnostics.push(error("unknown-variable", `There is no template variable "${name}"; \`matrix-doc vars\` lists them.`, { file: origin.file, line: origin.line, column }));
  input.lines.forEach((line, i) => {
    const origin = input.origins[i];
    if (!line.includes("{{")) {
      out.push(line, origin);
      return;
    }
    const alone = ALONE.exec(line);
    if (alone) {
      const [, indent, name] = alone;
      const value = lookup(name);
      if (!value) {
        unknown(name, origin, indent.length + 1);
        out.push("", origin);
        return;
      }
      const lines = value.text.replace(/\n$/, "").split("\n");
      lines.forEach((l, k) => out.push(l ? indent + l : "", value.origins?.[k] ?? origin));
      return;
    }
    const replaced = line.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
      const value = lookup(name);
      if (!value) {
        unknown(name, origin, offset + 1);
        return whole;
      }
      return value.text.replace(/\n$/, "");
    });
    for (const l of replaced.split("\n")) out.push(l, origin);
  });
  return { text: out, diagnostics };
}
