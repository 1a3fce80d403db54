// The character classes of the recognition rules (restructuredtext.rst, rules 5–7).
import { describe, expect, it } from "vitest";
import { canFollowEnd, canPrecedeStart, isSpace, isWordChar, matchChars } from "./chars.ts";

describe("character classes", () => {
  it("whitespace is Python's: no-break and ideographic spaces, not U+180E or U+FEFF", () => {
    for (const ch of [" ", "\n", "\t", "\u00a0", "\u2002", "\u202f", "\u3000", "\u2028"]) expect(isSpace(ch)).toBe(true);
    for (const ch of ["\u180e", "\ufeff", "a", "\u200b"]) expect(isSpace(ch)).toBe(false);
  });

  it("start-strings may follow whitespace, openers and delimiters (rule 6)", () => {
    for (const ch of [" ", "-", ":", "/", "'", '"', "<", "(", "[", "{", "«", "„", "»", "—", "、", "¡"]) expect(canPrecedeStart(ch)).toBe(true);
    for (const ch of ["a", "1", ")", ".", ",", "*", "_", "\\", "+"]) expect(canPrecedeStart(ch)).toBe(false);
  });

  it("end-strings may precede whitespace, closers and delimiters (rule 7)", () => {
    for (const ch of [" ", "-", ".", ",", ":", ";", "!", "?", "\\", "/", "'", '"', ")", "]", "}", ">", "»", "」", "\x00"]) {
      expect(canFollowEnd(ch)).toBe(true);
    }
    for (const ch of ["a", "(", "[", "<", "*", "_", "`"]) expect(canFollowEnd(ch)).toBe(false);
  });

  it("matches bracket pairs and international quotation marks (rule 5)", () => {
    const pairs = ["()", "[]", "{}", "<>", "''", '""', "«»", "»«", "»»", "‘’", "’’", "„“", "„”", "‚‘", "“„", "「」", "『』", "⁅⁆", "（）", "［］"];
    for (const p of pairs) expect(matchChars(p[0], p[1])).toBe(true);
    for (const p of ["(]", "„’", "»‹", "a)", "()".slice(1) + "("]) expect(matchChars(p[0], p[1])).toBe(false);
  });

  it("word characters are Unicode letters, digits and the low line", () => {
    for (const ch of ["a", "Z", "0", "_", "é", "ж", "字", "٣"]) expect(isWordChar(ch)).toBe(true);
    for (const ch of ["-", " ", ".", "\u0301"]) expect(isWordChar(ch)).toBe(false);
  });
});
