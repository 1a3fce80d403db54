// Standalone URIs and e-mail addresses in running text (docutils' Inliner
// `patterns.uri`), recognized by a scanner that runs in linear time: each run of
// URI characters is examined once, whatever the number of candidate starts.
//
// The grammar (after docutils):
//   uri   = scheme ":" hier ("?" query)? ("#" fragment)?
//   hier, query, fragment = uric* uri_end
//   email = emailc+ ("." emailc+)* "@" emailc+ ("." emailc*)* uri_end
//   uri_end = urilast | uric followed by ">"
// A match must start where inline markup may start (rule 6) and end where
// inline markup may end (rule 7); of several possible ends the longest wins.
import { canFollowEnd, canPrecedeStart, charAt, charBefore } from "./chars.ts";

const URIC = new Set("-_.!~*'()[];/:@&=+$,%\x00");
const URILAST = new Set("_~*/=+");
const EMAILC = new Set("-_!~*'{|}/#?^`&=+$%\x00");
/** What ends a URI's scheme or an e-mail address's local part (findFirst's fast path). */
const MARK = /[:@]/g;

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
export function isUric(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && (isAlnum(ch.charCodeAt(0)) || URIC.has(ch));
}
export function isUriLast(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && (isAlnum(ch.charCodeAt(0)) || URILAST.has(ch));
}
export function isEmailc(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && (isAlnum(ch.charCodeAt(0)) || EMAILC.has(ch));
}
function isEmailcOrDot(ch: string): boolean {
  return ch === "." || isEmailc(ch);
}
function isSchemeChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return isAlnum(c) || ch === "." || ch === "+" || ch === "-";
}

export interface UriMatch {
  start: number;
  end: number;
  /** The scheme of an absolute URI; null for an e-mail address. */
  scheme: string | null;
}

/** The character classes whose runs the scanner remembers. */
const enum RunClass {
  Uric,
  Scheme,
  EmailOrDot,
}

interface RunScan {
  next: number;
  found: number;
}

/** Finds URIs and e-mail addresses in one string (docutils' escaped text: NUL marks escapes). */
export class UriScanner {
  private readonly n: number;
  /**
   * Per character class (RunClass): the run of such characters examined last, as
   * [start, end) pairs. Plain numbers rather than a Map: a scanner is made for
   * nearly every paragraph, and most never look at a run.
   */
  private readonly runStarts = [-1, -1, -1];
  private readonly runEnds = [-1, -1, -1];
  /** The e-mail local part examined last: starts in [start, stop) share its result. */
  private local: { start: number; stop: number; at: number } | null = null;

  /** The first mark (":" or "@") at or after `markFrom` is at `markAt` (the text's length when there is none). */
  private markFrom = -1;
  private markAt = -1;

  /** With `characterLevel` (docutils' character_level_inline_markup) rules 6 and 7 do not apply. */
  constructor(
    private readonly s: string,
    private readonly characterLevel = false,
  ) {
    this.n = s.length;
  }

  /** End (exclusive) of the run of characters satisfying `pred` from position i on. */
  private runEnd(cls: RunClass, pred: (ch: string) => boolean, i: number): number {
    if (i >= this.runStarts[cls] && i < this.runEnds[cls]) return this.runEnds[cls];
    let e = i;
    while (e < this.n && pred(this.s[e])) e++;
    if (e > i) {
      this.runStarts[cls] = i;
      this.runEnds[cls] = e;
    }
    return e;
  }

  private uricRunEnd(i: number): number {
    return this.runEnd(RunClass.Uric, isUric, i);
  }

  private schemeRunEnd(i: number): number {
    return this.runEnd(RunClass.Scheme, isSchemeChar, i);
  }

  private emailDotRunEnd(i: number): number {
    return this.runEnd(RunClass.EmailOrDot, isEmailcOrDot, i);
  }

  /** For an e-mail character at i: the "@" that ends a valid local part starting at i, else -1. */
  private localPartAt(i: number): number {
    const c = this.local;
    if (c && i >= c.start && i < c.stop) return c.at;
    const { s, n } = this;
    let k = i;
    let at = -1;
    for (;;) {
      const next = s[k + 1];
      if (next === "@") {
        at = s[k] !== "\x00" ? k + 1 : -1;
        break;
      }
      if (k + 1 < n && isEmailc(next)) k++;
      else if (next === "." && isEmailc(s[k + 2])) k += 2;
      else break;
    }
    this.local = { start: i, stop: k + 1, at };
    return at;
  }

  /** May a URI end with the character at k (inside [.., b))? */
  private uriEndChar(k: number, b: number): boolean {
    const ch = this.s[k];
    return isUriLast(ch) || (isUric(ch) && k + 1 < b && this.s[k + 1] === ">");
  }

  private suffixOk(e: number, b: number): boolean {
    return this.characterLevel || e >= b || canFollowEnd(charAt(this.s, e));
  }

  /**
   * The largest end E in (x, R] of a uric run starting at x (R = run end, at most b)
   * where a URI part may end; -1 if none. Memoized per run so each run is scanned once.
   */
  private lastValid(x: number, b: number, memo: Map<number, RunScan>): number {
    const r = Math.min(this.uricRunEnd(x), b);
    if (r <= x) return -1;
    let rec = memo.get(r);
    if (!rec) {
      rec = { next: r, found: -1 };
      memo.set(r, rec);
    }
    while (rec.found < 0 && rec.next >= x + 1) {
      const e = rec.next--;
      if (this.uriEndChar(e - 1, b) && this.suffixOk(e, b)) rec.found = e;
    }
    return rec.found >= x + 1 ? rec.found : -1;
  }

  /** A whole URI part (uric* uri_end) spanning [x, R) followed by `sep`? Returns R or -1. */
  private fullPart(x: number, b: number, sep: string): number {
    const r = Math.min(this.uricRunEnd(x), b);
    if (r <= x || r >= b || this.s[r] !== sep || !isUriLast(this.s[r - 1])) return -1;
    return r;
  }

  /** End of the hierarchical part, query and fragment after the colon at c; -1 if none fits. */
  private afterColon(c: number, b: number, memo: Map<number, RunScan>): number {
    const x1 = c + 1;
    const q = this.fullPart(x1, b, "?");
    if (q >= 0) {
      const f = this.fullPart(q + 1, b, "#");
      if (f >= 0) {
        const e = this.lastValid(f + 1, b, memo);
        if (e >= 0) return e;
      }
      const e = this.lastValid(q + 1, b, memo);
      if (e >= 0) return e;
    }
    const f = this.fullPart(x1, b, "#");
    if (f >= 0) {
      const e = this.lastValid(f + 1, b, memo);
      if (e >= 0) return e;
    }
    return this.lastValid(x1, b, memo);
  }

  private domainEnd(at: number, b: number): number {
    const { s } = this;
    const d = at + 1;
    if (d >= b || !isEmailc(s[d])) return -1;
    const de = Math.min(this.emailDotRunEnd(d), b);
    for (let k = Math.min(de, b - 1); k >= d + 1; k--) {
      const ok = k === de ? isUric(s[k]) && k + 1 < b && s[k + 1] === ">" : this.uriEndChar(k, b);
      if (ok && this.suffixOk(k + 1, b)) return k + 1;
    }
    return -1;
  }

  private tryAt(p: number, b: number, colonMemo: Map<number, number>, atMemo: Map<number, number>, runMemo: Map<number, RunScan>): UriMatch | null {
    const { s } = this;
    const code = s.charCodeAt(p);
    if (isLetter(code)) {
      const c = this.schemeRunEnd(p);
      if (c < b && s[c] === ":") {
        let e = colonMemo.get(c);
        if (e === undefined) {
          e = this.afterColon(c, b, runMemo);
          colonMemo.set(c, e);
        }
        if (e >= 0) return { start: p, end: e, scheme: s.slice(p, c) };
      }
    }
    if (isEmailc(s[p])) {
      const at = this.localPartAt(p);
      if (at >= 0 && at < b) {
        let e = atMemo.get(at);
        if (e === undefined) {
          e = this.domainEnd(at, b);
          atMemo.set(at, e);
        }
        if (e >= 0) return { start: p, end: e, scheme: null };
      }
    }
    return null;
  }

  /**
   * The first mark at or after `p`. The search runs to the end of the whole text,
   * not of the range asked about, so its answer is kept: the calls move forward
   * through the text, and a text without marks is searched once, not once per
   * range (which made "*a " repeated 100,000 times quadratic).
   */
  private nextMark(p: number): number {
    if (p >= this.markFrom && p <= this.markAt) return this.markAt;
    MARK.lastIndex = p;
    this.markFrom = p;
    this.markAt = MARK.test(this.s) ? MARK.lastIndex - 1 : this.n;
    return this.markAt;
  }

  /** The leftmost URI or e-mail address in s[a, b), the range treated as a string of its own. */
  findFirst(a: number, b: number): UriMatch | null {
    const { s } = this;
    // A match at p needs a ":" or "@" (a mark) after p, reached through scheme
    // characters or e-mail characters and dots only (neither class holds a mark), so
    // the mark is the first one after p. Positions before the run of such characters
    // that ends at the next mark cannot match: jump over them (the regular expression
    // engine finds the marks), then try every position up to the mark as before.
    let colonMemo: Map<number, number> | null = null;
    let atMemo: Map<number, number> | null = null;
    let runMemo: Map<number, RunScan> | null = null;
    let p = a;
    while (p < b) {
      const mark = this.nextMark(p);
      if (mark >= b) return null;
      let runStart = mark;
      while (runStart > p && isEmailcOrDot(s[runStart - 1])) runStart--;
      for (p = runStart; p <= mark; p++) {
        if (p !== a && (this.characterLevel ? s[p - 1] === "\x00" : !canPrecedeStart(charBefore(s, p)))) continue;
        const m = this.tryAt(p, b, (colonMemo ??= new Map()), (atMemo ??= new Map()), (runMemo ??= new Map()));
        if (m) return m;
      }
    }
    return null;
  }

  /** A URI or e-mail address starting at the beginning of s[a, b) (docutils' `patterns.uri.match`). */
  matchAt(a: number, b: number): UriMatch | null {
    if (a >= b) return null;
    return this.tryAt(a, b, new Map(), new Map(), new Map());
  }

  /** Is the whole string an e-mail address (docutils' `patterns.email`, anchored at both ends)? */
  isWholeEmail(): boolean {
    const { s, n } = this;
    if (n < 3 || !isEmailc(s[0])) return false;
    const at = this.localPartAt(0);
    if (at < 0) return false;
    const d = at + 1;
    if (d >= n - 1 || !isEmailc(s[d])) return false;
    return this.emailDotRunEnd(d) >= n - 1 && isUriLast(s[n - 1]);
  }
}
