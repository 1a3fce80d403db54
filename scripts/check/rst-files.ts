// Check: the RST that is not built. `drafts/`, and every `.rst` that no target
// of specification/targets.yaml includes and that is not a supporting page
// (../spec-layout.ts), is parsed on its own with our RST engine, template
// placeholders standing for content. Its problems are warnings: they do not
// fail `check` (`--strict` makes them errors). The RST that is built is
// checked by the pipeline's rst stage, as the build sees it, where its
// problems are errors.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { rstDiagnostic } from "../diagnostics/rst-messages.ts";
import { publishDoctree } from "../rst/index.ts";
import { readSourceFile } from "../sources/safe-read.ts";
import { includedFiles } from "../sources/targets.ts";
import type { Check, CheckContext } from "./check.ts";

const VARIABLE = /\{\{\s*[A-Za-z0-9_]+\s*\}\}/g;
const VARIABLE_ALONE = /^(\s*)\{\{\s*[A-Za-z0-9_]+\s*\}\}\s*$/;

/**
 * The text with each template variable standing for content: a paragraph of
 * the same indentation when alone on its line (so that a directive it fills
 * has a body), else as many `x` as it is long.
 */
export function neutralizeVariables(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      if (!line.includes("{{")) return line;
      const alone = VARIABLE_ALONE.exec(line);
      if (alone) return `${alone[1]}generated`;
      return line.replace(VARIABLE, (v) => "x".repeat(v.length));
    })
    .join("\n");
}

/** RST problems of one standalone file's text (path relative to the root), as warnings. */
export function checkRstText(path: string, text: string, options: { allowRaw?: boolean } = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const observer = (message: Parameters<typeof rstDiagnostic>[0]) => {
    const d = rstDiagnostic(message, { originOf: (line) => ({ file: path, line }), fallbackFile: path, severity: "warning" });
    if (d) diagnostics.push(d);
  };
  const source = neutralizeVariables(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  publishDoctree(source, { source: path, observer, settings: { rawEnabled: options.allowRaw ?? false } });
  return diagnostics;
}

/** The `.rst` files that no target includes and that are not supporting pages. */
export function unbuiltRstFiles(ctx: CheckContext): string[] {
  const built = new Set([...(ctx.targets ? includedFiles(ctx.targets) : []), ...ctx.layout.supportingPages.map((p) => p.path)]);
  return ctx.layout.rstFiles.filter((path) => !built.has(path));
}

/** The text of one of them, or the diagnostic saying why it cannot be read. */
export function readRstFile(ctx: CheckContext, path: string): string | Diagnostic {
  // Under the rules of every source read (../sources/safe-read.ts): inside the tree, a regular file, size, UTF-8.
  const read = readSourceFile(ctx.root, path);
  return read.ok ? read.text : read.diagnostic;
}

export const rstFiles: Check = (ctx) =>
  unbuiltRstFiles(ctx).flatMap((path) => {
    const text = readRstFile(ctx, path);
    if (typeof text !== "string") return [text];
    const allowRaw = ctx.targets?.allowRaw ?? false;
    // Each file's result depends on its path, its text and whether raw is allowed (and on the toolchain, which the kept results' owner accounts for).
    const compute = () => checkRstText(path, text, { allowRaw });
    return ctx.kept ? ctx.kept.unit(JSON.stringify(["rst file", path, allowRaw, text]), () => ({ diagnostics: compute(), examples: 0, keep: true })).diagnostics : compute();
  });
