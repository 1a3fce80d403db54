import { describe, expect, it } from "vitest";
import { type CsvDialect, readCsv } from "./csv.ts";

const DOCUTILS: CsvDialect = { delimiter: ",", quotechar: '"', doublequote: true, escapechar: null, skipinitialspace: true, strict: true };

describe("CSV reader (Python csv rules, docutils' dialect)", () => {
  it("splits fields, skipping spaces after delimiters", () => {
    expect(readCsv(["one, 2, three", "4, five"], DOCUTILS)).toEqual([["one", "2", "three"], ["4", "five"]]);
  });

  it("quoted fields may hold delimiters, doubled quotes and line breaks", () => {
    expect(readCsv(['"a, b", "say ""hi""", "two', 'lines"'], DOCUTILS)).toEqual([["a, b", 'say "hi"', "two\nlines"]]);
  });

  it("a blank line is an empty row", () => {
    expect(readCsv(["a", "", "b"], DOCUTILS)).toEqual([["a"], [], ["b"]]);
  });

  it("strict mode rejects text after a closing quote and unterminated quotes", () => {
    expect(() => readCsv(['"a" b'], DOCUTILS)).toThrow("',' expected after '\"'");
    expect(() => readCsv(['"open'], DOCUTILS)).toThrow("unexpected end of data");
  });

  it("escape characters and other delimiters", () => {
    const d = { ...DOCUTILS, doublequote: false, escapechar: "\\" };
    expect(readCsv(['a\\,b, "c\\"d"'], d)).toEqual([["a,b", 'c"d']]);
    expect(readCsv(['"Albatross" 2.99 "On a stick!"'], { ...DOCUTILS, delimiter: " " })).toEqual([["Albatross", "2.99", "On a stick!"]]);
  });
});
