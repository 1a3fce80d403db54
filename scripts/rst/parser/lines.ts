// Line-level helpers of the block parser: input normalization (docutils'
// string2lines), indentation-based block extraction (StringList.get_indented,
// get_text_block) and display widths (utils.column_width).

/** Characters Python's str.isspace() accepts (used by strip/rstrip). */
const PY_SPACE = /[\s\x1c-\x1f\x85]/u;

export function isPySpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c === 32) return true;
  if (c < 128) return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  return PY_SPACE.test(ch);
}

/** Number of leading whitespace characters of `line`. */
export function leadingSpace(line: string, limit = line.length): number {
  let i = 0;
  const end = Math.min(limit, line.length);
  while (i < end && (line.charCodeAt(i) === 32 || isPySpace(line[i]))) i++;
  return i;
}

/** Python's str.rstrip() without arguments. */
export function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && isPySpace(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Python's str.lstrip() without arguments. */
export function pyLstrip(s: string): string {
  const i = leadingSpace(s);
  return i === 0 ? s : s.slice(i);
}

export function pyStrip(s: string): string {
  return pyLstrip(pyRstrip(s));
}

/** True for a line with nothing but whitespace. */
export function isBlank(line: string): boolean {
  // Lines are normally right-stripped: a non-empty line ending in a
  // non-space character is not blank (checked in constant time).
  if (line.length === 0) return true;
  if (!isPySpace(line[line.length - 1])) return false;
  return leadingSpace(line) === line.length;
}

/** Python's str.expandtabs(width) for one line. */
export function expandTabs(line: string, width: number): string {
  if (!line.includes("\t")) return line;
  let out = "";
  let col = 0;
  for (const ch of line) {
    if (ch === "\t") {
      if (width > 0) {
        const n = width - (col % width);
        out += " ".repeat(n);
        col += n;
      }
    } else {
      out += ch;
      col += ch === "\n" || ch === "\r" ? -col : 1;
    }
  }
  return out;
}

const VT_FF = /[\v\f]/;
/** The line breaks Python's splitlines() knows, other than "\n". */
const OTHER_BREAKS = /[\r\x1c\x1d\x1e\x85\u2028\u2029]/;

/**
 * docutils' string2lines(convert_whitespace=True): vertical tabs and form feeds
 * become spaces, lines are split as Python's splitlines() does, tabs expanded,
 * trailing whitespace removed.
 */
export function string2lines(text: string, tabWidth = 8): string[] {
  const converted = VT_FF.test(text) ? text.replace(/[\v\f]/g, " ") : text;
  // Splitting at a plain "\n" is much faster than at a regular expression: do that
  // when "\n" is the only line break in the text (the usual case).
  const lines = OTHER_BREAKS.test(converted)
    ? converted.split(/\r\n|[\n\r\x1c\x1d\x1e\x85\u2028\u2029]/)
    : converted.split("\n");
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  // In place, not with map(): map() makes a holey array until it is optimized, so the
  // line lists were of two element kinds and the code reading them was deoptimized
  // ("wrong map") when the second one came; split() gives a packed one.
  for (let i = 0; i < lines.length; i++) lines[i] = pyRstrip(expandTabs(lines[i], tabWidth));
  return lines;
}

export interface IndentedBlock {
  block: string[];
  indent: number;
  blankFinish: boolean;
}

/**
 * docutils' StringList.get_indented: the indented lines of `lines` from `start`
 * (up to the first unindented line), with the common indentation removed.
 * `firstIndent` is the indentation of the first line (already known, e.g. the
 * width of a list marker); `blockIndent` the known indentation of every line.
 */
export function getIndented(
  lines: readonly string[],
  start: number,
  end: number,
  untilBlank = false,
  stripIndent = true,
  blockIndent: number | null = null,
  firstIndent: number | null = null,
): IndentedBlock {
  let indent = blockIndent;
  let i = start;
  if (blockIndent !== null && firstIndent === null) firstIndent = blockIndent;
  if (firstIndent !== null) i++;
  let blankFinish = true;
  let finished = false;
  while (i < end) {
    const line = lines[i];
    if (line && (line[0] !== " " || (blockIndent !== null && leadingSpace(line, blockIndent) < Math.min(blockIndent, line.length)))) {
      blankFinish = i > start && isBlank(lines[i - 1]);
      finished = true;
      break;
    }
    if (isBlank(line)) {
      if (untilBlank) {
        blankFinish = true;
        finished = true;
        break;
      }
    } else if (blockIndent === null) {
      // Only the minimum matters: stop counting at the current minimum.
      const lineIndent = leadingSpace(line, indent ?? line.length);
      indent = indent === null ? lineIndent : Math.min(indent, lineIndent);
    }
    i++;
  }
  if (!finished) blankFinish = true;
  const block = lines.slice(start, i);
  if (firstIndent !== null && block.length) block[0] = block[0].slice(firstIndent);
  if (indent && stripIndent) {
    for (let k = firstIndent !== null ? 1 : 0; k < block.length; k++) block[k] = block[k].slice(indent);
  }
  return { block, indent: indent ?? 0, blankFinish };
}

/**
 * docutils' StringList.get_text_block: lines from `start` up to the first blank
 * line. With `flushLeft`, an indented line ends the block early and
 * `indentedAt` tells where (docutils raises UnexpectedIndentationError there).
 */
export function getTextBlock(
  lines: readonly string[],
  start: number,
  end: number,
  flushLeft = false,
): { block: string[]; indentedAt: number | null } {
  let i = start;
  while (i < end) {
    const line = lines[i];
    if (isBlank(line)) break;
    if (flushLeft && line[0] === " ") return { block: lines.slice(start, i), indentedAt: i };
    i++;
  }
  return { block: lines.slice(start, i), indentedAt: null };
}

/** East Asian wide (W) or fullwidth (F) characters (approximation of unicodedata.east_asian_width). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x231a && cp <= 0x231b) ||
    (cp >= 0x2329 && cp <= 0x232a) ||
    (cp >= 0x23e9 && cp <= 0x23ec) ||
    cp === 0x23f0 || cp === 0x23f3 ||
    (cp >= 0x25fd && cp <= 0x25fe) ||
    (cp >= 0x2614 && cp <= 0x2615) ||
    (cp >= 0x2648 && cp <= 0x2653) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x2fffd) ||
    (cp >= 0x30000 && cp <= 0x3fffd)
  );
}

const COMBINING = /\p{M}/u;

/** Whether a character is a combining character (unicodedata.combining() != 0, approximately). */
export function isCombining(ch: string): boolean {
  return COMBINING.test(ch);
}

/** docutils' column_width: wide characters count 2, combining characters 0. */
export function columnWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isCombining(ch)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

/** docutils' StringList.pad_double_width: a pad character after every wide character. */
const MAYBE_WIDE = /[\u1100-\uffff\ud800-\udbff]/;

export function padDoubleWidth(line: string, pad: string): string {
  if (!MAYBE_WIDE.test(line)) return line;
  let wide = false;
  for (const ch of line) {
    if (isWide(ch.codePointAt(0)!)) {
      wide = true;
      break;
    }
  }
  if (!wide) return line;
  let out = "";
  for (const ch of line) {
    out += ch;
    if (isWide(ch.codePointAt(0)!)) out += pad;
  }
  return out;
}
