// The assemble stage: a target's RST files, titles shifted to their depths, joined
// into one text with a line map back to the files.
import { realpathSync } from "node:fs";
import { type Diagnostic, error } from "../diagnostics/diagnostic.ts";
import { MappedText } from "../diagnostics/line-map.ts";
import { readSourceFile } from "../sources/safe-read.ts";
import { type RelativeTitleStyles, TARGETS_FILE, type TargetFile, type TitleStyles } from "../sources/targets.ts";
import { shiftTitles } from "./titles.ts";

/** Splits file text into lines whatever its newline convention; a final newline adds no empty line. */
export function splitSourceLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * Reads, shifts and joins the files of a target. Files are separated by one blank
 * line. Each file is read under the rules of ../sources/safe-read.ts (inside the
 * root, symbolic links included; regular files; size limit; UTF-8); a file that
 * cannot be read is an error at the line of targets.yaml that lists it.
 * `readText`, when given, supplies the text instead (a cache that read it already).
 */
export function assemble(
  root: string,
  files: readonly TargetFile[],
  styles: TitleStyles,
  relative?: RelativeTitleStyles,
  readText?: (path: string) => string,
): { text: MappedText; diagnostics: Diagnostic[] } {
  const relativeChars = relative ? [relative.subtitle, relative.sametitle, relative.supertitle] : [];
  const text = new MappedText();
  const diagnostics: Diagnostic[] = [];
  let realRoot: string | undefined;
  for (const f of files) {
    let content: string;
    if (readText) content = readText(f.path);
    else {
      realRoot ??= realRootOf(root);
      const listed = f.origin ?? { file: TARGETS_FILE };
      const read = readSourceFile(realRoot, f.path, listed);
      if (!read.ok) {
        const d = read.diagnostic;
        diagnostics.push(d.code === "file-missing" ? { ...d, message: `${f.path} is listed in ${TARGETS_FILE} but does not exist.` } : d);
        continue;
      }
      content = read.text;
    }
    if (content.trim() === "") {
      diagnostics.push(error("file-empty", `${f.path} is listed in ${TARGETS_FILE} but is empty; give it its text, or take it out of the list.`, f.origin ?? { file: f.path, line: 1 }));
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

function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}
