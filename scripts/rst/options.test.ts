import { describe, expect, it } from "vitest";
import {
  choice,
  classOption,
  flag,
  getMeasure,
  lengthOrPercentageOrUnitless,
  lengthOrUnitless,
  nonnegativeInt,
  path,
  percentage,
  positiveInt,
  positiveIntList,
  singleCharOrUnicode,
  singleCharOrWhitespaceOrUnicode,
  unchanged,
  unchangedRequired,
  unicodeCode,
  uri,
  valueOr,
} from "./options.ts";

const fails = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return "did not fail";
};

describe("option converters (docutils' messages)", () => {
  it("flag accepts nothing", () => {
    expect(flag(null)).toBeNull();
    expect(flag("  ")).toBeNull();
    expect(fails(() => flag("arg"))).toBe('no argument is allowed; "arg" supplied');
  });

  it("unchanged and unchanged_required", () => {
    expect(unchanged(null)).toBe("");
    expect(unchanged(" x ")).toBe(" x ");
    expect(fails(() => unchangedRequired(null))).toBe("argument required but none supplied");
  });

  it("path joins stripped lines; uri drops unescaped whitespace", () => {
    expect(path("a/b\n  c.png")).toBe("a/bc.png");
    expect(uri("a/multi/\nline/uri")).toBe("a/multi/line/uri");
    expect(uri("path\\ with\\ spaces/x.png")).toBe("path with spaces/x.png");
  });

  it("integers as Python's int()", () => {
    expect(nonnegativeInt(" 2 ")).toBe(2);
    expect(nonnegativeInt("1_000")).toBe(1000);
    expect(fails(() => nonnegativeInt("-1"))).toBe("negative value; must be positive or zero");
    expect(fails(() => nonnegativeInt("two"))).toBe("invalid literal for int() with base 10: 'two'");
    expect(fails(() => positiveInt("0"))).toBe("negative or zero value; must be positive");
    expect(percentage("50 %")).toBe(50);
    expect(positiveIntList("10, 20,30")).toEqual([10, 20, 30]);
    expect(positiveIntList("1 2 3")).toEqual([1, 2, 3]);
  });

  it("lengths and percentages", () => {
    expect(lengthOrUnitless("100 em")).toBe("100em");
    expect(lengthOrUnitless("200")).toBe("200");
    expect(lengthOrUnitless("2.5Q")).toBe("2.5Q");
    expect(fails(() => lengthOrUnitless("40%"))).toBe(
      "not a positive number or measure of one of the following units:\nem, ex, ch, rem, vw, vh, vmin, vmax, cm, mm, Q, in, pt, pc, px",
    );
    expect(lengthOrPercentageOrUnitless("50%")).toBe("50%");
    expect(lengthOrPercentageOrUnitless("300", "px")).toBe("300px");
    expect(fails(() => lengthOrPercentageOrUnitless("20mc"))).toMatch(/px, %$/);
    expect(fails(() => getMeasure("1.2.3px", ["px"]))).toMatch(/^not a positive number/);
  });

  it("class names are made into identifiers", () => {
    expect(classOption("Class1  two_words")).toEqual(["class1", "two-words"]);
    expect(fails(() => classOption("1"))).toBe('cannot make "1" into a class name');
  });

  it("character codes", () => {
    expect(unicodeCode("0xA9")).toBe("\u00a9");
    expect(unicodeCode("U+2122")).toBe("\u2122");
    expect(unicodeCode("&#x262E;")).toBe("\u262e");
    expect(unicodeCode("169")).toBe("\u00a9");
    expect(unicodeCode("UABCX")).toBe("UABCX");
    expect(singleCharOrUnicode("\\x2c")).toBe(",");
    expect(fails(() => singleCharOrUnicode("ab"))).toBe("'ab' invalid; must be a single character or a Unicode code");
    expect(singleCharOrWhitespaceOrUnicode("tab")).toBe("\t");
    expect(singleCharOrWhitespaceOrUnicode("space")).toBe(" ");
  });

  it("choices", () => {
    expect(choice(" Left ", ["left", "right"])).toBe("left");
    expect(fails(() => choice("top", ["left", "center", "right"]))).toBe('"top" unknown; choose from "left", "center", or "right"');
    expect(fails(() => choice(null, ["a", "b"]))).toBe('must supply an argument; choose from "a", or "b"');
    const widths = valueOr(["auto"], positiveIntList);
    expect(widths("auto")).toBe("auto");
    expect(widths("1,2")).toEqual([1, 2]);
  });
});
