// Test helpers: build a document from pseudo-XML (as docutils' parser would have
// produced it), run the transforms, print it back.
import { pformat } from "../pformat.ts";
import { readPseudoXml } from "../testing/pseudoxml-reader.ts";
import { applyTransforms } from "./index.ts";
import type { Document } from "../document.ts";

/** Strips the common indentation of a template literal and its first/last empty lines. */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join("\n") + "\n";
}

export function read(pseudoXml: string, rst?: string): Document {
  return readPseudoXml(dedent(pseudoXml), { rst });
}

/** Reads pseudo-XML, applies the transforms, returns the pseudo-XML (trailing spaces dropped). */
export function transform(pseudoXml: string, rst?: string): string {
  const document = read(pseudoXml, rst);
  applyTransforms(document);
  return tidy(pformat(document));
}

export function tidy(s: string): string {
  return s
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n+$/, "\n");
}

export function expected(pseudoXml: string): string {
  return tidy(dedent(pseudoXml));
}
