// Character classes of the inline markup recognition rules
// (restructuredtext.rst, "Inline markup recognition rules"; docutils'
// utils/punctuation_chars.py). ASCII characters have fixed roles; from U+00A0
// on the roles follow the Unicode general categories:
//   openers     Ps, Pi, Pf      (may precede a start-string; quote a start-string
//                                when followed by their matching closer)
//   closers     Pe, Pi, Pf      (may follow an end-string)
//   delimiters  Pd, Po          (may precede a start-string and follow an end-string)
// The low-9 quotation marks U+201A and U+201E (category Ps) also serve as
// closers, as in docutils. Categories are those of the JavaScript engine's
// Unicode version: the specification notes that some characters changed
// category over Unicode versions (docutils 0.13 to 0.21 used Unicode 5.2).

const ASCII_OPENERS = "\"'(<[{";
const ASCII_CLOSERS = "\"')>]}";
const ASCII_DELIMITERS = "-/:";
const ASCII_CLOSING_DELIMITERS = "\\.,;!?";

const RE_OPEN = /^[\p{Ps}\p{Pi}\p{Pf}]$/u;
const RE_CLOSE = /^[\p{Pe}\p{Pi}\p{Pf}]$/u;
const RE_DELIM = /^[\p{Pd}\p{Po}]$/u;
const RE_PS = /^\p{Ps}$/u;
const RE_PE = /^\p{Pe}$/u;
const RE_PI = /^\p{Pi}$/u;
const RE_PF = /^\p{Pf}$/u;
const RE_WORD = /^[\p{L}\p{N}_]$/u;

/** Low-9 quotation marks: openers (Ps) that also close (docutils moves them to Pi). */
const LOW_QUOTES = new Set([0x201a, 0x201e]);

function category(ch: string): string {
  if (RE_PS.test(ch)) return "Ps";
  if (RE_PE.test(ch)) return "Pe";
  if (RE_PI.test(ch)) return "Pi";
  if (RE_PF.test(ch)) return "Pf";
  if (RE_DELIM.test(ch)) return "Pd/Po";
  return "";
}

/** Python's str.isspace(), which is what `\s` matches in docutils' regular expressions. */
export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

const wordCache = new Map<string, boolean>();
/** Python's `\w`: letters, digits/numbers and the low line. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  let v = wordCache.get(ch);
  if (v === undefined) {
    v = RE_WORD.test(ch);
    wordCache.set(ch, v);
  }
  return v;
}

/** `\w` without the low line: the characters of a reference name's words. */
export function isNameChar(ch: string | undefined): boolean {
  return ch !== "_" && isWordChar(ch);
}

type Role = { opener: boolean; closer: boolean; delimiter: boolean };
const roleCache = new Map<string, Role>();

function roleOf(ch: string): Role {
  let r = roleCache.get(ch);
  if (r) return r;
  const cp = ch.codePointAt(0)!;
  if (cp < 0xa0) {
    r = {
      opener: ASCII_OPENERS.includes(ch),
      closer: ASCII_CLOSERS.includes(ch),
      delimiter: ASCII_DELIMITERS.includes(ch),
    };
  } else {
    r = {
      opener: RE_OPEN.test(ch),
      closer: RE_CLOSE.test(ch) || LOW_QUOTES.has(cp),
      delimiter: RE_DELIM.test(ch),
    };
  }
  roleCache.set(ch, r);
  return r;
}

// Flags of the ASCII characters, for speed.
const F_SPACE = 1, F_OPENER = 2, F_CLOSER = 4, F_DELIM = 8, F_CLOSING = 16;
const ASCII_FLAGS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_FLAGS[c] =
    (isSpace(ch) ? F_SPACE : 0) |
    (ASCII_OPENERS.includes(ch) ? F_OPENER : 0) |
    (ASCII_CLOSERS.includes(ch) ? F_CLOSER : 0) |
    (ASCII_DELIMITERS.includes(ch) ? F_DELIM : 0) |
    (ASCII_CLOSING_DELIMITERS.includes(ch) ? F_CLOSING : 0);
}

export function isOpener(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && roleOf(ch).opener;
}
export function isCloser(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && roleOf(ch).closer;
}
export function isDelimiter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && roleOf(ch).delimiter;
}
export function isClosingDelimiter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && ASCII_CLOSING_DELIMITERS.includes(ch);
}

/** Rule 6: may this character precede an inline markup start-string? */
export function canPrecedeStart(ch: string | undefined): boolean {
  if (ch === undefined || ch === "") return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (ASCII_FLAGS[c] & (F_SPACE | F_OPENER | F_DELIM)) !== 0;
  return isSpace(ch) || isOpener(ch) || isDelimiter(ch);
}

/** Rule 7: may this character follow an inline markup end-string? (NUL: an escape follows.) */
export function canFollowEnd(ch: string | undefined): boolean {
  if (ch === undefined || ch === "") return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return c === 0 || (ASCII_FLAGS[c] & (F_SPACE | F_CLOSING | F_DELIM | F_CLOSER)) !== 0;
  return ch === "\x00" || isSpace(ch) || isClosingDelimiter(ch) || isDelimiter(ch) || isCloser(ch);
}

// Additional open/close quote pairs in international usage (restructuredtext.rst,
// rule 5: "matching characters can be any of the quotation marks in international usage").
const QUOTE_PAIRS: Record<string, string> = {
  "\u00bb": "\u00bb", // » »  Swedish
  "\u2018": "\u201a", // ‘ ‚  Albanian, Greek, Turkish
  "\u2019": "\u2019", // ’ ’  Swedish
  "\u201a": "\u2018\u2019", // ‚ ‘  German; ‚ ’ Polish
  "\u201c": "\u201e", // “ „  Albanian, Greek, Turkish
  "\u201e": "\u201c\u201d", // „ “  German; „ ” Polish
  "\u201d": "\u201d", // ” ”  Swedish
  "\u203a": "\u203a", // › ›  Swedish
};

const pairCache = new Map<string, string>();

/** The closing characters that match the opener `ch` (empty when `ch` is no opener). */
function matchingClosers(ch: string): string {
  let v = pairCache.get(ch);
  if (v !== undefined) return v;
  v = "";
  const i = ASCII_OPENERS.indexOf(ch);
  if (i >= 0) v = ASCII_CLOSERS[i];
  else if (isOpener(ch)) {
    const cp = ch.codePointAt(0)!;
    const cat = LOW_QUOTES.has(cp) ? "Pi" : category(ch);
    const at = (d: number) => String.fromCodePoint(cp + d);
    if (cat === "Ps") {
      // Brackets: the closing bracket is the next Pe character (one or two code points
      // on); the ornate parentheses U+FD3E/U+FD3F have it just before.
      if (category(at(1)) === "Pe") v = at(1);
      else if (category(at(2)) === "Pe") v = at(2);
      else if (category(at(-1)) === "Pe") v = at(-1);
    } else if (cat === "Pi") {
      // Initial quotes pair with the adjacent final quote (U+00AB « with U+00BB »).
      if (cp === 0xab) v = "\u00bb";
      else if (category(at(1)) === "Pf" || (cp + 1 === 0x201b || cp + 1 === 0x201f)) v = at(1);
      if (cp === 0x201b || cp === 0x201f) v = at(-1);
    } else if (cat === "Pf") {
      // Final quotes used as openers pair with the adjacent initial quote.
      if (cp === 0xbb) v = "\u00ab";
      else if (category(at(-1)) === "Pi") v = at(-1);
    }
  }
  v += QUOTE_PAIRS[ch] ?? "";
  pairCache.set(ch, v);
  return v;
}

/** Rule 5: do `before` and `after` form a matching open/close pair (docutils' match_chars)? */
export function matchChars(before: string, after: string): boolean {
  if (before.length === 1 && before.charCodeAt(0) < 128) {
    const i = ASCII_OPENERS.indexOf(before);
    return i >= 0 && after === ASCII_CLOSERS[i];
  }
  return after !== "" && matchingClosers(before).includes(after);
}

/** The character (code point) that ends just before position i of s: a whole surrogate pair when there is one. */
export function charBefore(s: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return s.slice(i - 2, i);
  }
  return s[i - 1];
}

/** The character (code point) that starts at position i of s. */
export function charAt(s: string, i: number): string | undefined {
  if (i >= s.length) return undefined;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) return s.slice(i, i + 2);
  return s[i];
}
