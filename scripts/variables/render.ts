// Rendering templates into a VariableValue: the nunjucks environment (autoescape
// off, since the output is RST), and origin marks. A template writes
// `{{ origin | at }}` in front of a line to say where that line and the ones after
// it come from, or `{{ origins | atLines }}` in front of a block whose lines come
// one by one from consecutive source lines; the marks are taken out afterwards
// and become `VariableValue.origins`.
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import type nunjucks from "nunjucks";
import { environment as templateEnvironment } from "../compiled-templates.ts";
import type { Origin } from "../diagnostics/line-map.ts";
import type { VariableValue } from "../assemble/substitute.ts";
import { keptPart } from "./kept-parts.ts";
import { indentAll, indentRest } from "./units/rst-text.ts";

export { TEMPLATE_DIR } from "../toolchain-paths.ts";
import { TEMPLATE_DIR } from "../toolchain-paths.ts";

/**
 * Origins handed out to one rendering, referred to from the text by number. A mark
 * carries a random key made for this rendering, so text from the sources (a
 * description holding NUL characters, say) can never pass for one.
 */
export class OriginMarks {
  private readonly marks: Origin[][] = [];
  private readonly key = randomBytes(12).toString("hex");
  private readonly pattern = new RegExp(`\u0000${this.key}:(\\d+)\u0000`, "g");

  /** A mark for one origin: this line and the following ones until the next mark. */
  at(origin: Origin | undefined): string {
    if (!origin) return "";
    this.marks.push([origin]);
    return this.mark(this.marks.length - 1);
  }

  /** A mark for a block: its n-th line comes from `origins[n]` (the last one repeats). */
  atLines(origins: Origin[] | undefined): string {
    if (!origins || origins.length === 0) return "";
    this.marks.push(origins);
    return this.mark(this.marks.length - 1);
  }

  private mark(n: number): string {
    return `\u0000${this.key}:${n}\u0000`;
  }

  /**
   * Takes the marks out of rendered text and gives each line its origin. Trailing
   * blanks are removed, runs of blank lines become one, and the text starts and
   * ends with a non-blank line.
   */
  resolve(rendered: string, fallback: Origin): VariableValue {
    const lines: string[] = [];
    const origins: Origin[] = [];
    let current: Origin[] = [fallback];
    let since = 0;
    for (const raw of rendered.split("\n")) {
      // Most lines hold no mark: the regular expressions run only on those that do.
      const marked = raw.includes("\u0000");
      if (marked) {
        let last: number | undefined;
        for (const m of raw.matchAll(this.pattern)) last = Number(m[1]);
        if (last !== undefined) {
          current = this.marks[last];
          since = 0;
        }
      }
      const line = (marked ? raw.replace(this.pattern, "") : raw).trimEnd();
      const origin = current[Math.min(since, current.length - 1)];
      since++;
      if (line === "" && (lines.length === 0 || lines[lines.length - 1] === "")) continue;
      lines.push(line);
      origins.push(origin);
    }
    while (lines.length && lines[lines.length - 1] === "") {
      lines.pop();
      origins.pop();
    }
    return { text: lines.join("\n") + "\n", origins };
  }
}

let environment: nunjucks.Environment | undefined;

/** The environment of the templates of the generated sections (templating/templates/). */
export function env(): nunjucks.Environment {
  if (environment) return environment;
  const e = templateEnvironment(TEMPLATE_DIR, { noCache: false, autoescape: false, trimBlocks: true, lstripBlocks: true, throwOnUndefined: true });
  e.addFilter("indentRest", (text: string, width: number) => indentRest(String(text), width));
  e.addFilter("indentAll", (text: string, width: number) => indentAll(String(text), width));
  environment = e;
  return e;
}

/** Forgets the compiled templates, so that the next render reads them again (`matrix-doc serve` after a template is edited). */
export function clearTemplateCache(): void {
  environment = undefined;
}

/** Renders a template with `context`; `marks` provides the `at` and `atLines` filters' origins. */
export function renderTemplate(name: string, context: Record<string, unknown>, fallback: Origin): VariableValue {
  // A template's output depends on its text (part of the toolchain, which the keeper accounts for), its context and the origin.
  return keptPart([name, context, fallback], () => renderAfresh(name, context, fallback));
}

function renderAfresh(name: string, context: Record<string, unknown>, fallback: Origin): VariableValue {
  const marks = new OriginMarks();
  const rendered = env().render(name, {
    ...context,
    at: (o: Origin | undefined) => marks.at(o),
    atLines: (o: Origin[] | undefined) => marks.atLines(o),
  });
  return marks.resolve(rendered, fallback);
}
