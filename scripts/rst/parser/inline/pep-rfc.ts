// Standalone PEP and RFC references in running text ("PEP 287", "pep-0287.txt",
// "RFC 2822", "RFC-2822"), recognized when the settings pepReferences /
// rfcReferences are on (docutils' pep_references and rfc_references, used by its
// PEP reader). Like all inline markup they must start and end where rules 6 and 7
// allow.
import { canFollowEnd, canPrecedeStart, charAt, charBefore, isSpace } from "./chars.ts";

const RE_DIGIT = /^\p{Nd}$/u;

function isDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 0x30 && c <= 0x39;
  return RE_DIGIT.test(ch);
}

/** Python's int() of a string of Unicode decimal digits (each script's digits are ten consecutive code points). */
export function digitsValue(digits: string): number {
  let v = 0;
  for (const ch of digits) {
    const c = ch.codePointAt(0)!;
    let start = c;
    while (isDigit(String.fromCodePoint(start - 1))) start--;
    v = v * 10 + ((c - start) % 10);
  }
  return v;
}

export interface NumberedMatch {
  start: number;
  end: number;
  /** The number as written (escapes removed later by the caller). */
  digits: string;
}

export class PepRfcScanner {
  constructor(
    private readonly s: string,
    private readonly characterLevel = false,
  ) {}

  private startOk(p: number, a: number): boolean {
    if (p === a) return true;
    return this.characterLevel ? this.s[p - 1] !== "\x00" : canPrecedeStart(charBefore(this.s, p));
  }

  private endOk(e: number, b: number): boolean {
    return this.characterLevel || e >= b || canFollowEnd(charAt(this.s, e));
  }

  private digitRunEnd(i: number, b: number): number {
    while (i < b && isDigit(this.s[i])) i++;
    return i;
  }

  /** "pep-NNNN" (optionally followed by any character and "txt") or "PEP NNNN" in s[a, b). */
  findPep(a: number, b: number): NumberedMatch | null {
    const { s } = this;
    for (let p = a; p < b; p++) {
      const ch = s[p];
      if (ch !== "p" && ch !== "P") continue;
      if (!this.startOk(p, a)) continue;
      if (s.startsWith("pep-", p) && p + 4 < b) {
        const d0 = p + 4;
        const d1 = this.digitRunEnd(d0, b);
        for (let d = d1; d > d0; d--) {
          if (d + 4 <= b && s[d] !== "\n" && s.startsWith("txt", d + 1) && this.endOk(d + 4, b)) {
            return { start: p, end: d + 4, digits: s.slice(d0, d) };
          }
          if (this.endOk(d, b)) return { start: p, end: d, digits: s.slice(d0, d) };
        }
      }
      if (s.startsWith("PEP", p)) {
        let w = p + 3;
        while (w < b && isSpace(s[w])) w++;
        if (w > p + 3) {
          const d1 = this.digitRunEnd(w, b);
          if (d1 > w && this.endOk(d1, b)) return { start: p, end: d1, digits: s.slice(w, d1) };
        }
      }
    }
    return null;
  }

  /** "RFC NNNN", "RFC-NNNN" or "RFCNNNN" in s[a, b). */
  findRfc(a: number, b: number): NumberedMatch | null {
    const { s } = this;
    for (let p = a; p < b; p++) {
      if (s[p] !== "R" || !s.startsWith("RFC", p) || !this.startOk(p, a)) continue;
      let w = p + 3;
      if (s[w] === "-") w++;
      else while (w < b && isSpace(s[w])) w++;
      const d1 = this.digitRunEnd(w, b);
      if (d1 > w && d1 <= b && this.endOk(d1, b)) return { start: p, end: d1, digits: s.slice(w, d1) };
    }
    return null;
  }
}
