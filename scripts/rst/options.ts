// Directive option converters (docutils' parsers/rst/directives/__init__.py):
// each takes the option's text (null when the option has no value) and returns
// the converted value, or throws an Error whose message is docutils' own (the
// block parser wraps it as `invalid option value: (option: ...; value: ...)`).
import { makeId, pySplit } from "./ids.ts";
import { unescape } from "./nodes.ts";
import type { OptionConverter } from "./parser/context.ts";
import { pyRepr } from "./pformat.ts";
import { escapeToNull, splitEscapedWhitespace } from "./parser/inline/escape.ts";

const NONE_TYPE_INT = "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'";

/** Python's int(str): surrounding whitespace, an optional sign, digits with single underscores between them. */
export function pyInt(value: string | null): number {
  if (value === null) throw new TypeError(NONE_TYPE_INT);
  const s = value.trim();
  if (!/^[+-]?[0-9](?:_?[0-9])*$/.test(s)) {
    throw new Error(`invalid literal for int() with base 10: ${pyRepr(value)}`);
  }
  return Number.parseInt(s.replace(/_/g, ""), 10);
}

/** No value allowed; the option's presence is what counts (stored as null, printed `None`). */
export const flag: OptionConverter = (value) => {
  if (value && value.trim()) throw new Error(`no argument is allowed; "${value}" supplied`);
  return null;
};

export const unchanged: OptionConverter = (value) => value ?? "";

export const unchangedRequired: OptionConverter = (value) => {
  if (value === null) throw new Error("argument required but none supplied");
  return value;
};

/** A path: lines joined after stripping each. */
export const path: OptionConverter = (value) => {
  if (value === null) throw new Error("argument required but none supplied");
  return value
    .split(/\r\n|\n|\r/)
    .map((s) => s.trim())
    .join("");
};

/** A URI: unescaped whitespace removed, escaped whitespace kept as one space. */
export function uriValue(value: string): string {
  return splitEscapedWhitespace(escapeToNull(value))
    .map((part) => pySplit(unescape(part)).join(""))
    .join(" ");
}

export const uri: OptionConverter = (value) => {
  if (value === null) throw new Error("argument required but none supplied");
  return uriValue(value);
};

export const nonnegativeInt: OptionConverter = (value) => {
  const n = pyInt(value);
  if (n < 0) throw new Error("negative value; must be positive or zero");
  return n;
};

export const positiveInt: OptionConverter = (value) => {
  const n = pyInt(value);
  if (n < 1) throw new Error("negative or zero value; must be positive");
  return n;
};

/** An integer percentage with optional trailing "%" (and spaces). */
export const percentage: OptionConverter = (value) => {
  const v = value === null ? null : value.replace(/[ %]+$/, "");
  return nonnegativeInt(v);
};

/** CSS length units the reStructuredText parser accepts. */
export const LENGTH_UNITS = ["em", "ex", "ch", "rem", "vw", "vh", "vmin", "vmax", "cm", "mm", "Q", "in", "pt", "pc", "px"];

/** A positive number followed by one of `units` ("" = no unit): "<value><unit>". */
export function getMeasure(value: string | null, units: string[]): string {
  const m = value === null ? null : /^([0-9.]+) *([A-Za-z%]*)$/.exec(value);
  if (!m || !/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/.test(m[1]) || !units.includes(m[2])) {
    throw new Error(
      "not a positive number or measure of one of the following units:\n" + units.filter((u) => u).join(", "),
    );
  }
  return m[1] + m[2];
}

export const lengthOrUnitless: OptionConverter = (value) => getMeasure(value, [...LENGTH_UNITS, ""]);

/** A length, a percentage, or a bare number (to which `defaultUnit` is appended). */
export function lengthOrPercentageOrUnitless(value: string | null, defaultUnit = ""): string {
  try {
    return getMeasure(value, [...LENGTH_UNITS, "%"]);
  } catch {
    try {
      return getMeasure(value, [""]) + defaultUnit;
    } catch {
      return getMeasure(value, [...LENGTH_UNITS, "%"]);
    }
  }
}

export const lengthOrPercentageOrUnitlessOption: OptionConverter = (value) => lengthOrPercentageOrUnitless(value);

/** Class names: each word made into an identifier. */
export function classNames(value: string | null): string[] {
  if (value === null) throw new Error("argument required but none supplied");
  const out: string[] = [];
  for (const name of pySplit(value)) {
    const id = makeId(name);
    if (!id) throw new Error(`cannot make "${name}" into a class name`);
    out.push(id);
  }
  return out;
}

export const classOption: OptionConverter = (value) => classNames(value);

const UNICODE_PATTERN = /^(?:(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)|&#x([0-9a-f]+);)$/i;

/** Python's chr(): an OverflowError beyond C int, a ValueError beyond Unicode. */
function pyChr(n: number): string {
  if (!Number.isFinite(n) || n > 2147483647) throw new Error("code too large (Python int too large to convert to C int)");
  if (n > 0x10ffff) throw new Error("chr() arg not in range(0x110000)");
  return String.fromCodePoint(n);
}

/** A character code (decimal, hexadecimal with prefix, or `&#x...;`) → the character; other text as is. */
export function unicodeCode(code: string): string {
  if (/^[0-9]+$/.test(code)) return pyChr(Number(code));
  const m = UNICODE_PATTERN.exec(code);
  if (m) return pyChr(Number.parseInt(m[1] ?? m[2], 16));
  return code;
}

export const singleCharOrUnicode: OptionConverter = (value) => {
  if (value === null) throw new TypeError("expected string or bytes-like object");
  const char = unicodeCode(value);
  if ([...char].length > 1) throw new Error(`${pyRepr(char)} invalid; must be a single character or a Unicode code`);
  return char;
};

export const singleCharOrWhitespaceOrUnicode: OptionConverter = (value) => {
  if (value === "tab") return "\t";
  if (value === "space") return " ";
  return singleCharOrUnicode(value);
};

/** Comma- or whitespace-separated positive integers. */
export const positiveIntList: OptionConverter = (value) => {
  if (value === null) throw new TypeError("argument of type 'NoneType' is not iterable");
  const entries = value.includes(",") ? value.split(",") : pySplit(value);
  return entries.map((e) => positiveInt(e) as number);
};

const ENCODINGS = new Set([
  "utf-8", "utf8", "utf_8", "u8", "utf", "utf-8-sig", "utf_8_sig", "utf-16", "utf16", "utf_16", "utf-16-le", "utf-16-be",
  "utf-32", "utf32", "latin-1", "latin1", "latin_1", "iso-8859-1", "iso8859-1", "iso8859_1", "l1", "ascii", "us-ascii",
  "cp1252", "windows-1252", "iso-8859-15", "iso8859-15", "iso8859_15", "cp437", "mac-roman", "macroman",
]);

/** An encoding name the toolchain can read (docutils asks Python's codec registry). */
export const encoding: OptionConverter = (value) => {
  if (value === null) throw new TypeError("lookup() argument must be str, not None");
  if (!ENCODINGS.has(value.toLowerCase().replace(/ /g, "-"))) throw new Error(`unknown encoding: "${value}"`);
  return value;
};

/** docutils' format_values: `"a", "b", or "c"`. */
export function formatValues(values: readonly string[]): string {
  return `${values.slice(0, -1).map((v) => `"${v}"`).join(", ")}, or "${values[values.length - 1]}"`;
}

/** The value must be one of `values` (compared lower-cased and stripped). */
export function choice(value: string | null, values: readonly string[]): string {
  if (value === null) throw new Error(`must supply an argument; choose from ${formatValues(values)}`);
  const v = value.toLowerCase().trim();
  if (values.includes(v)) return v;
  throw new Error(`"${value}" unknown; choose from ${formatValues(values)}`);
}

/** One of `values` as is, or else what `other` makes of it. */
export function valueOr(values: readonly string[], other: OptionConverter): OptionConverter {
  return (value) => (value !== null && values.includes(value) ? value : other(value));
}
