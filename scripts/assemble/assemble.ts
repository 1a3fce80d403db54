// The assemble stage: a target's RST files, titles shifted to their depths, joined
// into one text with a line map back to the files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Diagnostic, error } from "../diagnostics/diagnostic.ts";
import { MappedText } from "../diagnostics/line-map.ts";
import type { RelativeTitleStyles, TargetFile, TitleStyles } from "../sources/targets.ts";
import { shiftTitles } from "./titles.ts";

/** Splits file text into lines whatever its newline convention; a final newline adds no empty line. */
export function splitSourceLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Reads, shifts and joins the files of a target. Files are separated by one blank line. */
export function assemble(
  root: string,
  files: readonly TargetFile[],
  styles: TitleStyles,
  relative?: RelativeTitleStyles,
  readText: (path: string) => string = (p) => readFileSync(join(root, p), "utf8"),
): { text: MappedText; diagnostics: Diagnostic[] } {
  const relativeChars = relative ? [relative.subtitle, relative.sametitle, relative.supertitle] : [];
  const text = new MappedText();
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    let content: string;
    try {
      content = readText(f.path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      diagnostics.push(
        error("file-missing", code === "ENOENT" ? `${f.path} is listed in specification/targets.yaml but does not exist.` : `Cannot read ${f.path} (${code ?? (e as Error).message}).`, {
          file: "specification/targets.yaml",
        }),
      );
      continue;
    }
    const lines = splitSourceLines(content);
    diagnostics.push(...shiftTitles(lines, f.path, f.depth, styles, relativeChars));
    // A blank line between files, so that a file ending without one cannot glue its
    // last paragraph to the next file's first line.
    if (text.lines.length && text.lines[text.lines.length - 1].trim() !== "") {
      text.push("", text.origins[text.origins.length - 1]);
    }
    lines.forEach((line, i) => text.push(line, { file: f.path, line: i + 1 }));
  }
  return { text, diagnostics };
}
