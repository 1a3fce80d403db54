// Check 6: every `.rst` under specification/, supporting-docs/ and drafts/
// parsed with our RST engine; each system message of level WARNING or above is
// reported at its file:line. Template variables (`{{ name }}`) are replaced by a
// neutral placeholder of the same length first. Files of the specification are
// parsed without the reference transforms: they link to sections of the other
// files of their target, which only exist once the build has joined them (the
// build reports unresolved links itself). Drafts and supporting documents stand
// alone and go through the transforms too.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rstDiagnostic } from "../diagnostics/rst-messages.ts";
import { type Diagnostic, error } from "../diagnostics/diagnostic.ts";
import { parse, publishDoctree } from "../rst/index.ts";
import { listFiles } from "../sources/list-files.ts";
import type { Check } from "./context.ts";

export const RST_DIRS = ["specification", "supporting-docs", "drafts"] as const;
/** Folders whose files are parts of a larger document (see above). */
const PARTIAL_DIRS = new Set(["specification"]);

const VARIABLE = /\{\{\s*[A-Za-z0-9_]+\s*\}\}/g;
const VARIABLE_ALONE = /^(\s*)(\{\{\s*[A-Za-z0-9_]+\s*\}\})\s*$/;

/** The text with each template variable replaced: a comment when alone on its line, else as many `x` as it is long. */
export function neutralizeVariables(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      if (!line.includes("{{")) return line;
      const alone = VARIABLE_ALONE.exec(line);
      if (alone) return `${alone[1]}.. ${alone[2]}`;
      return line.replace(VARIABLE, (v) => "x".repeat(v.length));
    })
    .join("\n");
}

/** RST problems of one file's text (path relative to the root). */
export function checkRstText(path: string, text: string, options: { transforms: boolean }): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const observer = (message: Parameters<typeof rstDiagnostic>[0]) => {
    const d = rstDiagnostic(message, { originOf: (line) => ({ file: path, line }), fallbackFile: path, warningSeverity: "error" });
    if (d) diagnostics.push(d);
  };
  const source = neutralizeVariables(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  if (options.transforms) publishDoctree(source, { source: path, observer });
  else parse(source, { source: path, observer });
  return diagnostics;
}

export const rstFiles: Check = (ctx) => {
  const diagnostics: Diagnostic[] = [];
  for (const dir of RST_DIRS) {
    for (const path of listFiles(ctx.root, dir, { recursive: true }).filter((p) => p.endsWith(".rst"))) {
      let text: string;
      try {
        text = readFileSync(join(ctx.root, path), "utf8");
      } catch (e) {
        diagnostics.push(error("file-unreadable", `${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"}).`, { file: path }));
        continue;
      }
      diagnostics.push(...checkRstText(path, text, { transforms: !PARTIAL_DIRS.has(dir) }));
    }
  }
  return diagnostics;
};
