// Helpers for the directive and role tests: parse reStructuredText with the block
// parser and return docutils' pseudo-XML without the document line.
import type { Settings } from "../document.ts";
import { parse } from "../index.ts";
import { pformat } from "../pformat.ts";

/** Pseudo-XML of the parsed document's children (dedented, trailing spaces dropped). */
export function px(text: string, settings: Partial<Settings> = {}): string {
  const doc = parse(text, { source: "test data", settings });
  return pformat(doc)
    .split("\n")
    .slice(1)
    .map((l) => l.slice(4).trimEnd())
    .join("\n")
    .trim();
}

/** Joins expected lines (trailing spaces dropped, as `px` does). */
export function lines(...ls: string[]): string {
  return ls.map((l) => l.trimEnd()).join("\n");
}
