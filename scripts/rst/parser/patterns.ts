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

export const SIMPLE_TABLE_BORDER = /^=+[ =]*$/;
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

/** docutils' escape2null: backslash-escaped characters become NUL + character. */
export function escape2null(text: string): string {
  if (!text.includes("\\")) return text;
  let out = "";
  let i = 0;
  for (;;) {
    const found = text.indexOf("\\", i);
    if (found < 0) return out + text.slice(i);
    out += text.slice(i, found) + "\x00" + text.slice(found + 1, found + 2);
    i = found + 2;
  }
}

/** docutils' unescape: removes NUL escapes (and escaped whitespace unless restoring backslashes). */
export function unescapeNull(text: string, restoreBackslashes = false, respectWhitespace = false): string {
  if (restoreBackslashes) return text.replace(/\x00/g, "\\");
  if (!respectWhitespace) text = text.replace(/\x00 /g, "").replace(/\x00\n/g, "");
  return text.replace(/\x00/g, "");
}
