// Small helpers for writing reStructuredText safely from data: names, types and
// enum values are quoted or escaped so that they cannot turn into markup, and
// description text (which is RST already) is only re-indented.

/**
 * Characters that can start or end inline markup, escaped with a backslash in plain
 * text: `\\ * \` |` always, `_` when it could end a reference (not followed by a
 * letter or digit, as in `name_` or `name_,`).
 */
const INLINE_SPECIAL = /[\\*`|]|_(?![A-Za-z0-9])/g;

/** Plain text that must appear as written: every inline markup character escaped. */
export function escapeText(value: string): string {
  let s = value.replace(/\s+/g, " ").trim().replace(INLINE_SPECIAL, (c) => "\\" + c);
  // A cell or paragraph starting like a list item, enumerator or directive would become one.
  if (/^([-+*•]\s|#\.|\d+[.)]\s|\.\.\s|::|:\w)/.test(s)) s = "\\" + s;
  return s;
}

/** A value as an inline literal (``value``), or escaped plain text when it cannot be one. */
export function literal(value: string): string {
  const s = value.replace(/\s+/g, " ").trim();
  if (s === "") return "";
  if (s.includes("``") || s.endsWith("`") || s.startsWith("`")) return escapeText(s);
  return "``" + s + "``";
}

/** Title text: escaped so it reads as written. */
export function titleText(value: string): string {
  return value.replace(/\s+/g, " ").trim().replace(INLINE_SPECIAL, (c) => "\\" + c);
}

/** A title and its underline, as two lines. */
export function title(text: string, char: string): string {
  return `${text}\n${char.repeat(Math.max(3, [...text].length))}`;
}

/** Expands tabs (8-column stops, as RST does) and removes trailing whitespace and blank edges. */
export function normalizeBlock(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).map((line) => {
    let out = "";
    for (const ch of line) out += ch === "\t" ? " ".repeat(8 - (out.length % 8)) : ch;
    return out.trimEnd();
  });
  while (lines.length && lines[0] === "") lines.shift();
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

/** Indents every non-empty line but the first by `width` spaces. */
export function indentRest(text: string, width: number): string {
  const pad = " ".repeat(width);
  return text
    .split("\n")
    .map((l, i) => (i === 0 || l === "" ? l : pad + l))
    .join("\n");
}

/** Indents every non-empty line by `width` spaces. */
export function indentAll(text: string, width: number): string {
  const pad = " ".repeat(width);
  return text
    .split("\n")
    .map((l) => (l === "" ? l : pad + l))
    .join("\n");
}

/** Whether a block of RST starts with something other than a plain paragraph (list, directive, literal block…). */
function startsWithBlockMarkup(text: string): boolean {
  return /^([-+*•]\s|#\.|\d+[.)]\s|\.\.|::|:\w|\||>>>|\s)/.test(text);
}

/**
 * Joins RST blocks into one cell text: `lead` (inline text such as "**Required.**") goes in
 * front of the first paragraph when that is plain text, else in a paragraph of its own.
 * Blocks are separated by blank lines.
 */
export function joinCell(lead: string, blocks: string[]): string {
  return joinCellLines(lead, blocks).text;
}

/** As joinCell, also saying at which line of the result the first block's text starts (-1 when it is empty). */
export function joinCellLines(lead: string, blocks: string[]): { text: string; firstBlockLine: number } {
  const parts = blocks.map(normalizeBlock).filter((b) => b !== "");
  const firstPresent = normalizeBlock(blocks[0] ?? "") !== "";
  let firstBlockLine = firstPresent ? 0 : -1;
  if (lead) {
    if (parts.length && !startsWithBlockMarkup(parts[0])) parts[0] = `${lead} ${parts[0]}`;
    else {
      parts.unshift(lead);
      if (firstPresent) firstBlockLine = 2;
    }
  }
  return { text: parts.join("\n\n"), firstBlockLine };
}

/** The number of blank lines normalizeBlock removes from the top of a text. */
export function leadingBlankLines(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  let n = 0;
  while (n < lines.length && lines[n].trim() === "") n++;
  return n;
}
