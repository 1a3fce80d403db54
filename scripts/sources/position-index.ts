// Where each value of a parsed data file is written: the shapes that the
// parsers (./data-file.ts, ./common-yaml.ts) produce and the
// parse cache (./parse-cache.ts) keeps. Plain data, so that a parse can be kept
// between runs.

/** Where one value is written. */
export interface NodeSpan {
  /** Offset of the value's first character. */
  start: number;
  /** Offset of its property name, when it is a property. */
  keyStart?: number;
  /** A YAML block mapping or sequence: it starts on the line after its key. */
  block?: true;
  /** For a string: how it is written (`JSON`, or a YAML scalar style) and where its source ends. */
  scalar?: { style: string; end: number };
}

/** Every value of a file by JSON pointer ("" is the whole document). */
export type PositionIndex = Map<string, NodeSpan>;

/** A parsed file: its value and where each of its values is written. */
export interface Parsed {
  value: unknown;
  index: PositionIndex;
}
