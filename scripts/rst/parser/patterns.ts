// The line patterns of the block parser (docutils' Body.patterns and the
// explicit-markup patterns). All are anchored at the start of a line and free
// of nested quantifiers over overlapping classes.

/** 7-bit punctuation usable for adornments (docutils' nonalphanum7bit). */
export const NONALPHANUM7BIT = "[!-\\/:-@\\[-`{-~]";

/** Reference names (docutils' Inliner.simplename), Unicode-aware as Python's \w. */
export const SIMPLENAME = "[\\p{L}\\p{N}]+(?:[-._+:][\\p{L}\\p{N}]+)*";

const ENUM = "(?:[0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)";
const ALPHA = "[a-zA-Z]";
const ALPHANUM = "[a-zA-Z0-9]";
const ALPHANUMPLUS = "[a-zA-Z0-9_-]";
const OPTNAME = `${ALPHANUM}${ALPHANUMPLUS}*`;
const OPTARG = `(?:${ALPHA}${ALPHANUMPLUS}*|<[^<>]+>)`;
const SHORTOPT = `(?:-|\\+)${ALPHANUM}(?: ?${OPTARG})?`;
const LONGOPT = `(?:--|\\/)${OPTNAME}(?:[ =]${OPTARG})?`;
const OPTION = `(?:${SHORTOPT}|${LONGOPT})`;

/** The characters an enumerator can start with: "(", digits, letters, "#". */
export const ENUMERATOR_FIRST = "(#0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The 7-bit punctuation characters (those of NONALPHANUM7BIT). */
export const PUNCTUATION_7BIT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

export const PATTERNS = {
  bullet: /^[-+*\u2022\u2023\u2043](?: +|$)/,
  enumerator: new RegExp(`^(?:(?<parens>\\(${ENUM}\\))|(?<rparen>${ENUM}\\))|(?<period>${ENUM}\\.))(?: +|$)`),
  fieldMarker: /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):(?: +|$)/,
  optionMarker: new RegExp(`^${OPTION}(?:, ${OPTION})*(?:  +| ?$)`),
  doctest: /^>>>(?: +|$)/,
  lineBlock: /^\|( +|$)/,
  gridTableTop: /^\+-[-+]+-\+ *$/,
  simpleTableTop: /^=+(?: +=+)+ *$/,
  explicitMarkup: /^\.\.(?: +|$)/,
  anonymous: /^__(?: +|$)/,
  line: new RegExp(`^(${NONALPHANUM7BIT})\\1* *$`),
  text: /^/,
};

// docutils writes `=+[ =]*$`; `=[ =]*$` is the same language without the backtracking.
export const SIMPLE_TABLE_BORDER = /^=[ =]*$/;
export const GRID_TABLE_TOP = /^\+-[-+]+-\+ *$/;

const NWEB = "(?<![\\s\\x00])"; // docutils' non_whitespace_escape_before

export const EXPLICIT = {
  footnote: new RegExp(`^\\.\\.[ ]+\\[([0-9]+|#|#${SIMPLENAME}|\\*)\\]([ ]+|$)`, "u"),
  citation: new RegExp(`^\\.\\.[ ]+\\[(${SIMPLENAME})\\]([ ]+|$)`, "u"),
  hyperlinkTarget: /^\.\.[ ]+_(?![ ]|$)/,
  substitutionDef: /^\.\.[ ]+\|(?![ ]|$)/,
  directive: new RegExp(`^\\.\\.[ ]+(${SIMPLENAME})[ ]?::([ ]+|$)`, "u"),
  target: new RegExp(
    `^(?:_|(?!_)(?<quote>\`?)(?![ \`])(?<name>.+?)${NWEB}\\k<quote>)(?<!(?<!\\x00):)${NWEB}[ ]?:([ ]+|$)`,
    "u",
  ),
  reference: new RegExp(`^(?:(?<simple>${SIMPLENAME})_|\`(?![ ])(?<phrase>.+?)${NWEB}\`_)$`, "u"),
  substitution: new RegExp(`^(?:(?![ ])(?<name>.+?)${NWEB}\\|)([ ]+|$)`, "u"),
  embeddedDirective: new RegExp(`^(${SIMPLENAME})::( +|$)`, "u"),
};

/** docutils' unescape: removes NUL escapes (and escaped whitespace unless restoring backslashes). */
export function unescapeNull(text: string, restoreBackslashes = false, respectWhitespace = false): string {
  if (restoreBackslashes) return text.replace(/\x00/g, "\\");
  if (!respectWhitespace) text = text.replace(/\x00 /g, "").replace(/\x00\n/g, "");
  return text.replace(/\x00/g, "");
}

/** Whitespace as the regular expressions' \s, or a NUL escape marker. */
function isSpaceOrNul(ch: string | undefined): boolean {
  return ch === undefined || ch === "\x00" || /\s/u.test(ch);
}

export interface NameMatch {
  /** Index just past the match (trailing spaces included). */
  end: number;
  /** The name (without quotes); "" for an anonymous target. */
  name: string;
}

/** After a delimiter ending at `i`: spaces to the end of the match, or -1 when neither spaces nor the end follow. */
function spacesOrEnd(s: string, i: number): number {
  if (i === s.length) return i;
  if (s[i] !== " ") return -1;
  while (i < s.length && s[i] === " ") i++;
  return i;
}

/** `[ ]?:([ ]+|$)` at `i`: the match end, or -1. */
function colonAt(s: string, i: number): number {
  if (s[i] === " ") {
    if (s[i + 1] === ":") {
      const end = spacesOrEnd(s, i + 2);
      if (end >= 0) return end;
    }
  }
  if (s[i] === ":") return spacesOrEnd(s, i + 1);
  return -1;
}

/**
 * The hyperlink target name at the start of `s` (EXPLICIT.target's language,
 * scanned by hand so that growing `s` line by line stays linear): only
 * delimiters at or after `from` are examined, earlier ones having failed before.
 */
export function matchTargetName(s: string, from = 0): NameMatch | null {
  if (!s) return null;
  if (s[0] === "_") {
    const end = colonAt(s, 1);
    return end >= 0 ? { end, name: "" } : null;
  }
  if (s[0] === "`") {
    if (s[1] === undefined || s[1] === " " || s[1] === "`") return null;
    for (let q = Math.max(2, from - 3); q < s.length; q++) {
      q = s.indexOf("`", q);
      if (q < 0) break;
      if (isSpaceOrNul(s[q - 1])) continue;
      const end = colonAt(s, q + 1);
      if (end >= 0) return { end, name: s.slice(1, q) };
    }
    return null;
  }
  if (s[0] === " ") return null;
  const nameEndOk = (e: string, before: string | undefined): boolean => !isSpaceOrNul(e) && !(e === ":" && before !== "\x00");
  for (let c = Math.max(1, from - 2); c < s.length; c++) {
    c = s.indexOf(":", c);
    if (c < 0) break;
    const after = spacesOrEnd(s, c + 1);
    if (after < 0) continue;
    // The shortest name first: before an optional space, then right before the colon.
    if (s[c - 1] === " " && c - 1 >= 1 && nameEndOk(s[c - 2], s[c - 3])) return { end: after, name: s.slice(0, c - 1) };
    if (c >= 1 && nameEndOk(s[c - 1], s[c - 2])) return { end: after, name: s.slice(0, c) };
  }
  return null;
}

/** The substitution name at the start of `s` ("name|" + spaces or end), scanned as matchTargetName. */
export function matchSubstitutionName(s: string, from = 0): NameMatch | null {
  if (!s || s[0] === " ") return null;
  for (let p = Math.max(1, from - 1); p < s.length; p++) {
    p = s.indexOf("|", p);
    if (p < 0) break;
    if (isSpaceOrNul(s[p - 1])) continue;
    const end = spacesOrEnd(s, p + 1);
    if (end >= 0) return { end, name: s.slice(0, p) };
  }
  return null;
}
