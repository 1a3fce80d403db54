// Reporters: turn diagnostics into terminal text (with a code frame) or JSON.
import { realpathSync } from "node:fs";
import { type Diagnostic, location } from "./diagnostics/diagnostic.ts";
import { readSourceFile } from "./sources/safe-read.ts";

export interface TextReportOptions {
  root: string;
  color?: boolean;
  /** Source text by relative path, when the caller has it already. */
  sources?: Map<string, string>;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/**
 * Control characters (C0 but tab, DEL, C1), line and paragraph separators and
 * bidirectional overrides, shown escaped (`\x1b`, `\u202e`): text from the sources
 * never drives the terminal.
 */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(s: string): string {
  return s.replace(CONTROL, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
  });
}

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
    out.push(`${paint(color, "2", `${marker} ${String(i + 1).padStart(width)} |`)} ${escapeControl(lines[i])}`);
  }
  if (d.column) {
    const pad = escapeControl(lines[index].slice(0, d.column - 1)).replace(/[^\t]/g, " ");
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
    let head = `${where ? escapeControl(where) + ": " : ""}${sev} ${escapeControl(d.message)} [${escapeControl(d.code)}]`;
    if (d.pointer !== undefined && d.pointer !== "") head += `\n    at ${escapeControl(d.pointer)}`;
    let frame = "";
    if (d.file && d.line) {
      let text = cache.get(d.file);
      if (text === undefined) {
        // Under the rules of every source read: inside the tree, a regular file (never a FIFO), size, UTF-8.
        const read = readSourceFile(realRootOf(options.root), d.file);
        text = read.ok ? read.text : "";
        cache.set(d.file, text);
      }
      frame = codeFrame(d, text, color);
    }
    blocks.push(frame ? `${head}\n${frame}` : head);
  }
  return blocks.join("\n\n");
}

function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

export function formatJson(summary: Record<string, number>, diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ summary, diagnostics }, null, 2);
}
