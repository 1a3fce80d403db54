// Roman numerals for enumerated lists (the rules of docutils' roman module: 1..4999, canonical forms only).
const TABLE: Array<[string, number]> = [
  ["M", 1000], ["CM", 900], ["D", 500], ["CD", 400], ["C", 100], ["XC", 90],
  ["L", 50], ["XL", 40], ["X", 10], ["IX", 9], ["V", 5], ["IV", 4], ["I", 1],
];

export function toRoman(n: number): string | null {
  if (!Number.isInteger(n) || n <= 0 || n >= 5000) return null;
  let out = "";
  for (const [s, v] of TABLE) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

const VALID = /^M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** The value of an upper-case Roman numeral, or null when it is not a valid one. */
export function fromRoman(s: string): number | null {
  if (!s || !VALID.test(s)) return null;
  let n = 0;
  let i = 0;
  for (const [sym, v] of TABLE) {
    while (s.startsWith(sym, i)) {
      n += v;
      i += sym.length;
    }
  }
  return n;
}
