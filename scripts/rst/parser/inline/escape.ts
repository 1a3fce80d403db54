// Backslash escapes as docutils keeps them: the inline parser works on text in
// which every escaping backslash has become a NUL ("\0"), so that escaped
// characters stay visible to the recognition rules but never start or end markup.
import { pushAll } from "../../arrays.ts";

/** Replaces each escaping backslash by NUL (docutils' escape2null): `\*` → "\0*", `\\` → "\0\\". */
export function escapeToNull(text: string): string {
  if (!text.includes("\\")) return text;
  let out = "";
  let start = 0;
  for (;;) {
    const found = text.indexOf("\\", start);
    if (found < 0) return out + text.slice(start);
    out += text.slice(start, found) + "\x00" + text.slice(found + 1, found + 2);
    start = found + 2;
  }
}

/**
 * Removes the NUL markers (docutils' unescape): escaped whitespace disappears
 * with its marker. With `restoreBackslashes`, every NUL becomes a backslash again.
 */
export function unescapeNull(text: string, restoreBackslashes = false): string {
  if (!text.includes("\x00")) return text;
  if (restoreBackslashes) return text.replace(/\x00/g, "\\");
  return text.split("\x00 ").join("").split("\x00\n").join("").split("\x00").join("");
}

/** Splits at escaped whitespace ("\0 " and "\0\n"), as docutils' split_escaped_whitespace. */
export function splitEscapedWhitespace(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split("\x00 ")) pushAll(out, part.split("\x00\n"));
  return out;
}
