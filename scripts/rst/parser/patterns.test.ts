// The hand-written name scanners agree with the regular expressions that
// define their language (EXPLICIT.target / EXPLICIT.substitution).
import { describe, expect, it } from "vitest";
import { EXPLICIT, matchSubstitutionName, matchTargetName } from "./patterns.ts";

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ["a", "b", " ", ":", "`", "_", "|", "\x00", "\t", "x"];

function randomString(rand: () => number): string {
  let s = "";
  const n = Math.floor(rand() * 9);
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

describe("name scanners", () => {
  it("match hyperlink target names as the target pattern does", () => {
    const rand = prng(7);
    for (let i = 0; i < 50_000; i++) {
      const s = randomString(rand);
      const m = EXPLICIT.target.exec(s);
      const got = matchTargetName(s);
      expect(got, JSON.stringify(s)).toEqual(m ? { end: m[0].length, name: m.groups?.name ?? "" } : null);
    }
  });

  it("match substitution names as the substitution pattern does", () => {
    const rand = prng(11);
    for (let i = 0; i < 50_000; i++) {
      const s = randomString(rand);
      const m = EXPLICIT.substitution.exec(s);
      const got = matchSubstitutionName(s);
      expect(got, JSON.stringify(s)).toEqual(m ? { end: m[0].length, name: m.groups?.name ?? "" } : null);
    }
  });

  it("find a name when only the appended part is scanned", () => {
    expect(matchTargetName("long name:", 5)).toEqual({ end: 10, name: "long name" });
    expect(matchTargetName("`quoted`:", 8)).toEqual({ end: 9, name: "quoted" });
    expect(matchSubstitutionName("a b| ", 3)).toEqual({ end: 5, name: "a b" });
  });
});

describe("classifier delimiters", () => {
  it("split as docutils' / +: +/ does", async () => {
    const { splitClassifiers } = await import("./rules/definition-list.ts");
    const rand = prng(3);
    const alphabet = ["a", " ", ":", " ", "b"];
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      const n = Math.floor(rand() * 12);
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(splitClassifiers(s), JSON.stringify(s)).toEqual(s.split(/ +: +/));
    }
  });
});
