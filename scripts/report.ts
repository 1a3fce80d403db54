// Reporters: turn diagnostics into terminal text (with a code frame) or JSON.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Diagnostic, location } from "./diagnostics/diagnostic.ts";

export interface TextReportOptions {
  root: string;
  color?: boolean;
  /** Source text by relative path, when the caller has it already. */
  sources?: Map<string, string>;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** The source line of the diagnostic and the one before it, with a caret under the column. */
export function codeFrame(d: Diagnostic, text: string, color = false): string {
  if (!d.line) return "";
  const lines = text.split(/\r?\n/);
  const index = d.line - 1;
  if (index < 0 || index >= lines.length) return "";
  const width = String(d.line).length;
  const out: string[] = [];
  for (let i = Math.max(0, index - 1); i <= index; i++) {
    const marker = i === index ? ">" : " ";
    out.push(`${paint(color, "2", `${marker} ${String(i + 1).padStart(width)} |`)} ${lines[i]}`);
  }
  if (d.column) {
    const pad = lines[index].slice(0, d.column - 1).replace(/[^\t]/g, " ");
    out.push(`${" ".repeat(width + 3)}${paint(color, "2", "|")} ${pad}${paint(color, "31", "^")}`);
  }
  return out.join("\n");
}

export function formatText(diagnostics: readonly Diagnostic[], options: TextReportOptions): string {
  const cache = options.sources ?? new Map<string, string>();
  const color = options.color ?? false;
  const blocks: string[] = [];
  for (const d of diagnostics) {
    const where = location(d);
    const sev = d.severity === "error" ? paint(color, "31;1", "error") : paint(color, "33;1", d.severity);
    let head = `${where ? where + ": " : ""}${sev} ${d.message} [${d.code}]`;
    if (d.pointer !== undefined && d.pointer !== "") head += `\n    at ${d.pointer}`;
    let frame = "";
    if (d.file && d.line) {
      let text = cache.get(d.file);
      if (text === undefined) {
        try {
          text = readFileSync(resolve(options.root, d.file), "utf8");
        } catch {
          text = "";
        }
        cache.set(d.file, text);
      }
      frame = codeFrame(d, text, color);
    }
    blocks.push(frame ? `${head}\n${frame}` : head);
  }
  return blocks.join("\n\n");
}

export function formatJson(summary: Record<string, number>, diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ summary, diagnostics }, null, 2);
}
