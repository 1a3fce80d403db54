// RST system messages as Diagnostics. The engine reports lines of the text it
// parsed; a line map (assemble's MappedText) turns them into the RST, YAML or JSON
// file and line that produced that text. WARNING and above fail the build when
// the RST is built; RST that is not built only gets warnings.
import { type Diagnostic, error, warning } from "./diagnostic.ts";
import type { Element } from "../rst/index.ts";
import { WARNING } from "../rst/index.ts";
import type { Origin } from "./line-map.ts";

const LEVEL_CODES = ["rst-debug", "rst-info", "rst-warning", "rst-error", "rst-severe"];

/** The message text of a system_message: its first paragraph, on one line. */
export function messageText(message: Element): string {
  const paragraph = message.children.find((c) => c.tagname === "paragraph");
  return (paragraph ?? message).astext().replace(/\s+/g, " ").trim();
}

export interface MessageMapping {
  /** Where a 1-based line of the parsed text came from. */
  originOf(line: number): Origin | undefined;
  /** Used when the message has no line. */
  fallbackFile: string;
  /** `warning` for RST that is not built: every problem of it is a warning. */
  severity?: "error" | "warning";
}

/** What to tell the user about some messages, beyond docutils' words. */
function hint(text: string): string {
  if (/^"raw" directive disabled/.test(text)) {
    return `${text} The raw directive is off by default; a tree that wants it sets \`raw: true\` in specification/targets.yaml, or runs with --allow-raw.`;
  }
  return text;
}

/** One diagnostic for a system message of level WARNING or above; undefined below that. */
export function rstDiagnostic(message: Element, mapping: MessageMapping): Diagnostic | undefined {
  const level = Number(message.get("level") ?? 0);
  if (level < WARNING) return undefined;
  const line = typeof message.get("line") === "number" ? (message.get("line") as number) : undefined;
  const origin = line !== undefined ? mapping.originOf(line) : undefined;
  const where = origin ? { file: origin.file, line: origin.line } : { file: mapping.fallbackFile };
  const code = LEVEL_CODES[level] ?? "rst-severe";
  const text = hint(messageText(message));
  const severity = mapping.severity ?? "error";
  return severity === "error" ? error(code, text, where) : warning(code, text, where);
}
