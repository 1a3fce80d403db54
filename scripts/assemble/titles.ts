// Section titles in RST source lines: finding them, shifting a file's titles to the
// depth its target places it at, and resolving the relative title characters that
// generated sections use.
import { type Diagnostic, error } from "../diagnostics/diagnostic.ts";
import type { MappedText } from "../diagnostics/line-map.ts";
import type { RelativeTitleStyles, TitleStyles } from "../sources/targets.ts";

/** A line made of one repeated punctuation character, at least 3 long, from column 0. */
export function adornmentChar(line: string): string | undefined {
  const s = line.trimEnd();
  if (s.length < 3) return undefined;
  const c = s[0];
  if (/[\sA-Za-z0-9]/.test(c)) return undefined;
  for (let i = 1; i < s.length; i++) if (s[i] !== c) return undefined;
  return c;
}

/** Whether `text` (the line above an adornment) can be a title: text from column 0, no longer than the underline. */
function isTitleText(text: string | undefined, underline: string): boolean {
  if (text === undefined) return false;
  const t = text.trimEnd();
  if (!t || /^\s/.test(t)) return false;
  if (adornmentChar(t) !== undefined) return false;
  return [...t].length <= [...underline.trimEnd()].length;
}

export interface TitleLine {
  /** 0-based index of the underline. */
  underline: number;
  /** 0-based index of the overline, when the title has one. */
  overline?: number;
  char: string;
}

/** The titles of some RST lines (underlined, optionally overlined), in order. */
export function findTitles(lines: readonly string[]): TitleLine[] {
  const titles: TitleLine[] = [];
  for (let i = 1; i < lines.length; i++) {
    const c = adornmentChar(lines[i]);
    if (c === undefined || !isTitleText(lines[i - 1], lines[i])) continue;
    const title: TitleLine = { underline: i, char: c };
    if (i >= 2 && adornmentChar(lines[i - 2]) === c) title.overline = i - 2;
    titles.push(title);
  }
  return titles;
}

function restyle(line: string, char: string): string {
  return char.repeat(line.trimEnd().length);
}

/**
 * Moves every title of one file `depth` levels down. The file's first title sets
 * its own top level; going deeper by more than one level at a time, or past the
 * last title style, is an error at the title's line.
 */
export function shiftTitles(lines: string[], file: string, depth: number, styles: TitleStyles, relativeChars: readonly string[] = []): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let offset: number | undefined;
  let previous = 0;
  for (const t of findTitles(lines)) {
    const where = { file, line: t.underline + 1, column: 1 };
    const level = styles.indexOf(t.char);
    if (level < 0 && relativeChars.includes(t.char)) continue;
    if (level < 0) {
      diagnostics.push(error("title-style-unknown", `The title underline "${t.char}" is not one of the title styles ${styles.map((s) => `"${s}"`).join(", ")} in specification/targets.yaml.`, where));
      continue;
    }
    if (offset === undefined) offset = level;
    const relative = level - offset;
    if (relative > previous + 1) {
      diagnostics.push(
        error(
          "title-level-jump",
          `This title ("${t.char}") goes ${relative - previous} levels deeper than the one before ("${styles[previous + offset]}"); use "${styles[previous + offset + 1]}".`,
          where,
        ),
      );
      previous = relative;
      continue;
    }
    previous = relative;
    const absolute = depth + relative;
    if (relative < 0) {
      diagnostics.push(error("title-level-above-file", `This title ("${t.char}") is above the file's first title ("${styles[offset]}").`, where));
      continue;
    }
    if (absolute >= styles.length) {
      diagnostics.push(
        error("title-too-deep", `Placed at depth ${depth}, this title would need title level ${absolute + 1}, but title_styles has only ${styles.length}.`, where),
      );
      continue;
    }
    const char = styles[absolute];
    lines[t.underline] = restyle(lines[t.underline], char);
    if (t.overline !== undefined) lines[t.overline] = restyle(lines[t.overline], char);
  }
  return diagnostics;
}

/**
 * Replaces the relative title characters (`relative_title_styles`) by real ones.
 * A relative title is relative to the last *real* title before it in the
 * assembled text, never to another relative one: a subtitle goes one level below
 * that title, a sametitle at its level, a supertitle one above. So consecutive
 * generated sections, or consecutive variables under one title, are siblings.
 * Hand-written prose may use the relative characters too. Errors are reported at
 * the line's origin.
 */
export function resolveRelativeTitles(text: MappedText, styles: TitleStyles, relative: RelativeTitleStyles): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const lines = text.lines;
  const relativeChars = new Map([
    [relative.subtitle, 1],
    [relative.sametitle, 0],
    [relative.supertitle, -1],
  ]);
  let current = -1;
  for (let i = 1; i < lines.length; i++) {
    const c = adornmentChar(lines[i]);
    if (c === undefined || !isTitleText(lines[i - 1], lines[i])) continue;
    const step = relativeChars.get(c);
    if (step === undefined) {
      const level = styles.indexOf(c);
      if (level >= 0) current = level;
      continue;
    }
    const level = current < 0 ? 0 : current + step;
    if (level < 0 || level >= styles.length) {
      const origin = text.origins[i];
      diagnostics.push(
        error("title-too-deep", `A generated title would need title level ${level + 1}, outside the ${styles.length} title styles.`, { file: origin?.file, line: origin?.line }),
      );
      continue;
    }
    lines[i] = restyle(lines[i], styles[level]);
    if (i >= 2 && adornmentChar(lines[i - 2]) === c) lines[i - 2] = restyle(lines[i - 2], styles[level]);
  }
  return diagnostics;
}
