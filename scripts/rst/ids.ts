// Names and ids as docutils makes them: name normalization and make_id().

/** Python's str.split() with no argument: splits on runs of whitespace, drops empty ends. */
export function pySplit(s: string): string[] {
  return s.split(/[\s\x1c-\x1f\x85]+/u).filter((x) => x !== "");
}

/** The whitespace pySplit splits on. */
const WS = "[\\s\\x1c-\\x1f\\x85]";
/**
 * Text that splitting and joining with single spaces changes: whitespace at either
 * end, two in a row, or any but a plain space. (Linear: each alternative is tried
 * at each position once.)
 */
const NOT_NORMALIZED = new RegExp(`^${WS}|${WS}$|${WS}{2}|(?! )${WS}`, "u");

/**
 * pySplit(s).join(" "), without splitting when it would change nothing (most names are
 * single words or words between single spaces).
 */
function joinWords(s: string): string {
  return NOT_NORMALIZED.test(s) ? pySplit(s).join(" ") : s;
}

/** Case- and whitespace-normalized name (docutils' fully_normalize_name). */
export function fullyNormalizeName(name: string): string {
  return joinWords(name.toLowerCase());
}

/** Whitespace-normalized name (docutils' whitespace_normalize_name). */
export function whitespaceNormalizeName(name: string): string {
  return joinWords(name);
}

const TRANSLATE: Record<string, string> = {
  "\u00f8": "o", "\u0111": "d", "\u0127": "h", "\u0131": "i", "\u0142": "l", "\u0167": "t",
  "\u0180": "b", "\u0183": "b", "\u0188": "c", "\u018c": "d", "\u0192": "f", "\u0199": "k",
  "\u019a": "l", "\u019e": "n", "\u01a5": "p", "\u01ab": "t", "\u01ad": "t", "\u01b4": "y",
  "\u01b6": "z", "\u01e5": "g", "\u0225": "z", "\u0234": "l", "\u0235": "n", "\u0236": "t",
  "\u0237": "j", "\u023c": "c", "\u023f": "s", "\u0240": "z", "\u0247": "e", "\u0249": "j",
  "\u024b": "q", "\u024d": "r", "\u024f": "y",
  // digraphs
  "\u00df": "sz", "\u00e6": "ae", "\u0153": "oe", "\u0238": "db", "\u0239": "qp",
};

/**
 * An identifier usable in HTML and CSS, made from any string as docutils' make_id does:
 * lower case, a few letters transliterated, accents dropped, runs of other characters
 * become one hyphen, leading digits and hyphens and trailing hyphens removed.
 */
export function makeId(s: string): string {
  let id = s.toLowerCase();
  // Transliteration and decomposition only change non-ASCII text (most ids are ASCII).
  if (NON_ASCII.test(id)) {
    id = id.replace(NON_ASCII_ALL, (ch) => TRANSLATE[ch] ?? ch).normalize("NFKD").replace(NON_ASCII_ALL, "");
  }
  // docutils also splits at whitespace and joins with spaces first; whitespace is not
  // [a-z0-9], so the runs replaced by a hyphen below already take care of it.
  id = id.replace(/[^a-z0-9]+/g, "-");
  return id.replace(/^[-0-9]+/, "").replace(/-+$/, "");
}
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;
