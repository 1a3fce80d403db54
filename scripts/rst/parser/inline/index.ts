// The inline markup parser (docutils' Inliner.parse): text of a paragraph, title,
// table cell, ... → Text and inline element nodes, plus system messages.
//
// docutils finds inline markup with one big regular expression searched again and
// again over the rest of the text. This is a scanner with the same results in
// linear time: the text is walked once from left to right; at each position where
// a start-string may stand (recognition rule 6) the constructs are tried in
// docutils' order. The search for each kind of end-string continues where its
// previous search stopped (searches only move forward), and a chain of name words
// is scanned once for all the starts inside it, so no position is examined more
// than a constant number of times, whatever the input.
//
// As in docutils, the "rest of the text" after a construct is a string of its own:
// its first position may always start markup. Text between constructs is searched
// for standalone URIs and e-mail addresses (./uri.ts) and, when the settings ask
// for them, PEP and RFC references (./pep-rfc.ts).
//
// Files: chars.ts (character classes of the recognition rules), escape.ts
// (backslash escapes as NUL markers), uri.ts and uri-schemes.ts (standalone
// hyperlinks), pep-rfc.ts, role-lookup.ts (finding role functions).
import { fullyNormalizeName, pySplit, whitespaceNormalizeName } from "../../ids.ts";
import { Element, type Node, Text } from "../../nodes.ts";
import type { ParserContext } from "../context.ts";
import { canFollowEnd, canPrecedeStart, charAt, charBefore, isNameChar, isSpace, matchChars } from "./chars.ts";
import { escapeToNull, splitEscapedWhitespace, unescapeNull } from "./escape.ts";
import { PepRfcScanner, digitsValue } from "./pep-rfc.ts";
import { lookupRole } from "./role-lookup.ts";
import { URI_SCHEMES } from "./uri-schemes.ts";
import { UriScanner } from "./uri.ts";
import { emptyList, pushAll } from "../../arrays.ts";

export { escapeToNull, unescapeNull } from "./escape.ts";
export { lookupRole } from "./role-lookup.ts";

/**
 * Parses inline markup in `text` (docutils' Inliner.parse). `lineno` is the line
 * number given to the system messages. Returns the nodes and the system messages.
 */
export function parseInline(text: string, lineno: number, ctx: ParserContext): [Node[], Element[]] {
  return new InlineParser(text, lineno, ctx).parse();
}

/** End-string kinds, one table of next occurrences each. */
const enum End {
  Emphasis,
  Strong,
  Literal,
  Target,
  Substitution,
  Interpreted,
}

/** The characters that join the words of a reference name (docutils' simplename). */
const NAME_JOINERS = "-._+:";
/** The joiners that cannot begin a construct themselves (findStart's fast path). */
const RUN_JOINERS = "-.+";
/** The characters that can begin a construct other than a reference (findStart's fast path). */
const SPECIAL = /[*`_|[:]/g;

/**
 * What one recognized construct turns into (docutils' dispatch methods' return values).
 * Every outcome has all the fields, so that the parse loop reading them sees one hidden class.
 */
interface Outcome {
  /** Where the text before the construct ends (it is kept as unprocessed text). */
  beforeEnd: number;
  nodes: Node[];
  /** Where the rest of the text starts. */
  rest: number;
  messages: Element[];
  /** The element made by inlineObject (a target or substitution reference gets its name from it), else null. */
  node: Element | null;
  /** The end-string that closed it ("|_" marks a substitution reference as a reference too), else "". */
  endString: string;
}

interface NameChain {
  start: number;
  end: number;
  /** end*4 + length of "_"/"__" of the longest reference name in the chain, or -1. */
  bestRef: number;
}

interface StartMatch {
  kind: "emphasis" | "strong" | "literal" | "target" | "substitution" | "interpreted" | "reference" | "footnote";
  /** Start of the match (role prefix included). */
  start: number;
  /** Length of the start-string (or of the whole construct for references and footnotes). */
  length: number;
  /** Interpreted text: position of the backquote (else -1) and the role prefix ("" if none). */
  backquote: number;
  role: string;
  /** References: length of the trailing "_" / "__". Footnotes: the label. */
  refend: number;
  label: string;
  citation: boolean;
}

/**
 * Every StartMatch is made here with all its fields, in one order, so that they all share
 * one hidden class and the code reading them stays monomorphic (fields a kind does not use
 * keep these defaults).
 */
function startMatch(
  kind: StartMatch["kind"],
  start: number,
  length: number,
  backquote = -1,
  role = "",
  refend = 0,
  label = "",
  citation = false,
): StartMatch {
  return { kind, start, length, backquote, role, refend, label, citation };
}

class InlineParser {
  private readonly s: string;
  private readonly n: number;
  /** The two name chains examined last (the main scan and the end-string search each reuse theirs). */
  private chains: NameChain[] = [];
  /** Per end-string kind: the last search's start and result (searches only move forward). */
  private readonly endCursor: Array<{ from: number; found: number } | null> = [null, null, null, null, null, null];
  private uris: UriScanner | null = null;
  private pepRfc: PepRfcScanner | null = null;
  /** docutils' character_level_inline_markup: markup may start after anything but an escape and end anywhere. */
  private readonly characterLevel: boolean;

  constructor(
    text: string,
    private readonly lineno: number,
    private readonly ctx: ParserContext,
  ) {
    this.s = escapeToNull(text);
    this.n = this.s.length;
    this.characterLevel = ctx.document.settings.characterLevelInlineMarkup === true;
  }

  parse(): [Node[], Element[]] {
    const processed: Node[] = [];
    const messages: Element[] = [];
    let base = 0; // start of the rest of the text
    let pending = 0; // start of text not yet turned into nodes
    for (;;) {
      const m = this.findStart(base);
      if (!m) break;
      const out = this.dispatch(m, base);
      pushAll(messages, out.messages);
      if (out.nodes.length) {
        this.implicit(pending, out.beforeEnd, processed);
        pushAll(processed, out.nodes);
        pending = out.rest;
      }
      base = out.rest;
    }
    this.implicit(pending, this.n, processed);
    return [processed, messages];
  }

  // ---- characters ----

  /** The character before position i (a whole surrogate pair when there is one). */
  private charBefore(i: number): string | undefined {
    return charBefore(this.s, i);
  }

  /** The character at position i (a whole surrogate pair when there is one). */
  private charAt(i: number): string | undefined {
    return charAt(this.s, i);
  }

  private nameCharAt(i: number): boolean {
    const { s } = this;
    if (i < 0 || i >= this.n) return false;
    const c = s.charCodeAt(i);
    if (c < 128) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (c >= 0xd800 && c <= 0xdbff) return isNameChar(s.slice(i, i + 2));
    if (c >= 0xdc00 && c <= 0xdfff) return isNameChar(s.slice(i - 1, i + 1));
    return isNameChar(s[i]);
  }

  /** Rule 6 at position i (not at the start of the text). */
  private startOk(i: number): boolean {
    if (this.characterLevel) return this.s[i - 1] !== "\x00";
    return canPrecedeStart(this.charBefore(i));
  }

  /** Rule 7 at position i: end of text, or a character that may follow an end-string. */
  private endOk(i: number): boolean {
    if (this.characterLevel) return true;
    return i >= this.n || canFollowEnd(this.charAt(i));
  }

  // ---- reference names (simplename: words joined by single - . _ + :) ----

  /**
   * The chain of name words containing position i (a name character): its extent
   * and the longest reference name in it that "_" or "__" and rule 7 follow. Every
   * start inside a chain shares these, so each chain is scanned once.
   */
  private chainAt(i: number): NameChain {
    for (const c of this.chains) if (i >= c.start && i < c.end) return c;
    const { s, n } = this;
    let e = i;
    let best = -1;
    for (;;) {
      while (e < n && this.nameCharAt(e)) e++;
      const code = this.refEndCode(e);
      if (code >= 0) best = code;
      if (e + 1 < n && NAME_JOINERS.includes(s[e]) && this.nameCharAt(e + 1)) e++;
      else break;
    }
    const chain = { start: i, end: e, bestRef: best };
    this.chains.unshift(chain);
    if (this.chains.length > 2) this.chains.pop();
    return chain;
  }

  /** A reference name ending at e followed by "_" or "__" and rule 7: e*4 + length of the suffix, else -1. */
  private refEndCode(e: number): number {
    const { s } = this;
    if (s[e] !== "_") return -1;
    if (s[e + 1] === "_" && this.endOk(e + 2)) return e * 4 + 2;
    if (this.endOk(e + 1)) return e * 4 + 1;
    return -1;
  }

  /** End of the longest reference name starting at i (i must hold a name character). */
  private nameChainEnd(i: number): number {
    return this.chainAt(i).end;
  }

  // ---- end-strings ----

  /** Length of the end-string of `kind` at j (0 if none); `lookbehind` false: nothing precedes j. */
  private endAt(kind: End, j: number, lookbehind: boolean): number {
    const { s } = this;
    const ch = s[j];
    if (ch !== "*" && ch !== "`" && ch !== "|") return 0;
    const prev = lookbehind ? s[j - 1] : undefined;
    const prevBlocks = isSpace(prev) || prev === "\x00";
    switch (kind) {
      case End.Emphasis:
        return s[j] === "*" && !prevBlocks && this.endOk(j + 1) ? 1 : 0;
      case End.Strong:
        return s[j] === "*" && s[j + 1] === "*" && !prevBlocks && this.endOk(j + 2) ? 2 : 0;
      case End.Literal:
        return s[j] === "`" && s[j + 1] === "`" && !isSpace(prev) && this.endOk(j + 2) ? 2 : 0;
      case End.Target:
        return s[j] === "`" && !prevBlocks && this.endOk(j + 1) ? 1 : 0;
      case End.Substitution:
        if (s[j] !== "|" || prevBlocks) return 0;
        if (s[j + 1] === "_" && s[j + 2] === "_" && this.endOk(j + 3)) return 3;
        if (s[j + 1] === "_" && this.endOk(j + 2)) return 2;
        return this.endOk(j + 1) ? 1 : 0;
      case End.Interpreted: {
        if (s[j] !== "`") return 0;
        // Not after unescaped whitespace nor after an escape marker.
        if (prevBlocks && (j < 2 || s[j - 2] !== "\x00")) return 0;
        return this.interpretedSuffix(j).length;
      }
    }
  }

  /** After the closing backquote at j: optional role suffix and reference suffix, then rule 7. */
  private interpretedSuffix(j: number): { length: number; role: string; refend: number } {
    const { s } = this;
    const k = j + 1;
    if (s[k] === ":" && this.nameCharAt(k + 1)) {
      // The role name is the longest part of the name chain that a colon follows
      // (the chain itself may contain colons) and after which the rest fits.
      const ce = this.nameChainEnd(k + 1);
      for (let c = ce; c > k + 1; c--) {
        if (s[c] !== ":") continue;
        const a = c + 1;
        const role = s.slice(k + 1, c);
        if (s[a] === "_" && s[a + 1] === "_" && this.endOk(a + 2)) return { length: a + 2 - j, role, refend: 2 };
        if (s[a] === "_" && this.endOk(a + 1)) return { length: a + 1 - j, role, refend: 1 };
        if (this.endOk(a)) return { length: a - j, role, refend: 0 };
      }
    }
    if (s[k] === "_" && s[k + 1] === "_" && this.endOk(k + 2)) return { length: 3, role: "", refend: 2 };
    if (s[k] === "_" && this.endOk(k + 1)) return { length: 2, role: "", refend: 1 };
    if (this.endOk(k)) return { length: 1, role: "", refend: 0 };
    return { length: 0, role: "", refend: 0 };
  }

  /**
   * The end-string of `kind` in the text after a start-string that ends at m
   * (docutils searches the rest as a new string: an end-string right at m, where
   * nothing precedes it, is found first and then rejected for enclosing no text).
   */
  private findEnd(kind: End, m: number): { start: number; length: number } | null {
    if (m < this.n && this.endAt(kind, m, false) > 0) return null;
    // The searches of one kind start further and further on: continue the last one.
    const from = m + 1;
    let cursor = this.endCursor[kind];
    if (!cursor || (cursor.found >= 0 && cursor.found < from) || from < cursor.from) {
      let j = from;
      while (j < this.n && this.endAt(kind, j, true) === 0) j++;
      cursor = { from, found: j < this.n ? j : -1 };
      this.endCursor[kind] = cursor;
    }
    if (cursor.found < 0) return null;
    return { start: cursor.found, length: this.endAt(kind, cursor.found, true) };
  }

  // ---- start-strings ----

  /** The first construct at or after `base` (docutils' `patterns.initial` searched in the rest of the text). */
  private findStart(base: number): StartMatch | null {
    const { s, n } = this;
    // Fast path: jump to the next character that can begin a construct other than a
    // reference (SPECIAL), found by the regular expression engine instead of a loop
    // over every character. A reference `name_` can only start in the run of name
    // characters and "-", ".", "+" that ends right before that character: its chain
    // needs a "_" after it, and "_" and ":" are SPECIAL, so a chain starting earlier
    // ends before that run without one. Positions before the run cannot match; from
    // the run on, every position is tried as before.
    let p = base;
    while (p < n) {
      SPECIAL.lastIndex = p;
      const q = SPECIAL.test(s) ? SPECIAL.lastIndex - 1 : n;
      let runStart = q;
      while (runStart > p && (this.nameCharAt(runStart - 1) || RUN_JOINERS.includes(s[runStart - 1]))) runStart--;
      const m = this.findStartIn(base, runStart, Math.min(q + 1, n));
      if (m) return m;
      p = q + 1;
    }
    return null;
  }

  /** The first construct starting in [from, to), as in findStart (the rest of the text starts at `base`). */
  private findStartIn(base: number, from: number, to: number): StartMatch | null {
    const { s } = this;
    for (let p = from; p < to; p++) {
      const ch = s[p];
      // Only characters that can begin a construct are worth the rule-6 check.
      if (ch !== "*" && ch !== "`" && ch !== "_" && ch !== "|" && ch !== "[" && ch !== ":" && !this.nameCharAt(p)) continue;
      if (p !== base && !this.startOk(p)) continue;
      const m = this.startAt(p);
      if (m) return m;
    }
    return null;
  }

  private startAt(p: number): StartMatch | null {
    const { s } = this;
    const next = s[p + 1];
    switch (s[p]) {
      case "*":
        if (next === "*") return isSpace(s[p + 2]) ? null : startMatch("strong", p, 2);
        return isSpace(next) ? null : startMatch("emphasis", p, 1);
      case "`":
        if (next === "`") return isSpace(s[p + 2]) ? null : startMatch("literal", p, 2);
        return isSpace(next) ? null : startMatch("interpreted", p, 1, p, "");
      case "_":
        return next === "`" && !isSpace(s[p + 2]) ? startMatch("target", p, 2) : null;
      case "|":
        return next !== "|" && !isSpace(next) ? startMatch("substitution", p, 1) : null;
      case "[":
        return this.footnoteAt(p);
      case ":": {
        if (!this.nameCharAt(p + 1)) return null;
        const ce = this.nameChainEnd(p + 1);
        if (s[ce] !== ":" || s[ce + 1] !== "`" || s[ce + 2] === "`" || isSpace(s[ce + 2])) return null;
        return startMatch("interpreted", p, 1, ce + 1, s.slice(p + 1, ce));
      }
    }
    if (!this.nameCharAt(p)) return null;
    const code = this.chainAt(p).bestRef;
    if (code < 0 || code >> 2 <= p) return null;
    const e = code >> 2;
    const refend = code & 3;
    return startMatch("reference", p, e + refend - p, -1, "", refend);
  }

  /** `[1]_`, `[#]_`, `[#label]_`, `[*]_` or `[label]_` at p, followed as rule 7 requires. */
  private footnoteAt(p: number): StartMatch | null {
    const { s } = this;
    const q = p + 1;
    const closes = (i: number) => s[i] === "]" && s[i + 1] === "_" && this.endOk(i + 2);
    const found = (end: number, citation = false): StartMatch => startMatch("footnote", p, end + 2 - p, -1, "", 0, s.slice(q, end), citation);
    if (s[q] >= "0" && s[q] <= "9") {
      let d = q;
      while (s[d] >= "0" && s[d] <= "9") d++;
      if (closes(d)) return found(d);
    }
    if (s[q] === "#") {
      if (this.nameCharAt(q + 1)) {
        const ce = this.nameChainEnd(q + 1);
        if (closes(ce)) return found(ce);
      }
      if (closes(q + 1)) return found(q + 1);
    }
    if (s[q] === "*" && closes(q + 1)) return found(q + 1);
    if (this.nameCharAt(q)) {
      const ce = this.nameChainEnd(q);
      if (closes(ce)) return found(ce, true);
    }
    return null;
  }

  // ---- constructs ----

  private dispatch(m: StartMatch, base: number): Outcome {
    switch (m.kind) {
      case "emphasis":
        return this.simpleInline(m, base, End.Emphasis, "emphasis");
      case "strong":
        return this.simpleInline(m, base, End.Strong, "strong");
      case "literal":
        return this.simpleInline(m, base, End.Literal, "literal");
      case "target":
        return this.inlineTarget(m, base);
      case "substitution":
        return this.substitutionReference(m, base);
      case "interpreted":
        return this.interpretedOrPhraseRef(m, base);
      case "reference":
        return this.reference(m);
      case "footnote":
        return this.footnoteReference(m, base);
    }
  }

  /** Rule 5: a start-string between a matching opener and closer is no markup (nor at the very end). */
  private quoted(start: number, end: number, base: number): boolean {
    if (start === base) return false;
    if (end >= this.n) return true;
    return matchChars(this.charBefore(start)!, this.charAt(end)!);
  }

  /** Emphasis, strong, literal, inline target, substitution reference (docutils' inline_obj). */
  private inlineObject(
    m: StartMatch,
    base: number,
    kind: End,
    tagname: string,
    messageName: string,
  ): Outcome {
    const { s } = this;
    const start = m.start;
    const matchEnd = start + m.length;
    if (this.quoted(start, matchEnd, base)) return { beforeEnd: matchEnd, nodes: emptyList(), rest: matchEnd, messages: emptyList(), node: null, endString: "" };
    const end = this.findEnd(kind, matchEnd);
    if (end) {
      let text = s.slice(matchEnd, end.start);
      if (kind === End.Literal) text = unescapeNull(text, true);
      const textEnd = end.start + end.length;
      const node = new Element(tagname, {}, [new Text(text)]);
      node.rawsource = unescapeNull(s.slice(start, textEnd), true);
      return { beforeEnd: start, nodes: [node], rest: textEnd, messages: emptyList(), node, endString: s.slice(end.start, textEnd) };
    }
    const msg = this.ctx.reporter.warning(`Inline ${messageName} start-string without end-string.`, [], {
      line: this.lineno,
    });
    const text = unescapeNull(s.slice(start, matchEnd), true);
    return { beforeEnd: start, nodes: [this.problematic(text, text, msg)], rest: matchEnd, messages: [msg], node: null, endString: "" };
  }

  private simpleInline(m: StartMatch, base: number, kind: End, tagname: string): Outcome {
    return this.inlineObject(m, base, kind, tagname, tagname);
  }

  /** A `problematic` node pointing at its system message, and the message pointing back. */
  private problematic(text: string, rawsource: string, message: Element): Element {
    const { document } = this.ctx;
    const msgid = document.setId(message, this.ctx.parent, "system-message");
    const prb = new Element("problematic", { refid: msgid }, [new Text(text)]);
    prb.rawsource = rawsource;
    const prbid = document.setId(prb, null, "problematic");
    message.backrefs.push(prbid);
    return prb;
  }

  /** _`inline internal target` */
  private inlineTarget(m: StartMatch, base: number): Outcome {
    const out = this.inlineObject(m, base, End.Target, "inline", "target");
    if (out.node) {
      const name = fullyNormalizeName(out.node.astext());
      out.node.names.push(name);
      this.ctx.document.noteExplicitTarget(out.node, this.ctx.parent);
    }
    return out;
  }

  /** |substitution|, |substitution|_ and |substitution|__ */
  private substitutionReference(m: StartMatch, base: number): Outcome {
    const out = this.inlineObject(m, base, End.Substitution, "substitution_reference", "substitution_reference");
    if (!out.node) return out;
    const subref = out.node;
    const subrefText = subref.astext();
    this.ctx.document.noteSubstitutionRef(subref, subrefText);
    const endString = out.endString;
    if (endString.endsWith("_")) {
      const ref = new Element("reference");
      ref.rawsource = `|${subrefText}${endString}`;
      if (endString.endsWith("__")) {
        ref.set("anonymous", 1);
        this.ctx.document.anonymousRefs.push(ref);
      } else {
        ref.set("refname", fullyNormalizeName(subrefText));
        this.ctx.document.noteRefname(ref);
      }
      ref.append(subref);
      // A new outcome rather than a write to `out.nodes`: outcomes' fields are written
      // once, which optimized code relies on (the write deoptimized the inline parser).
      return { beforeEnd: out.beforeEnd, nodes: [ref], rest: out.rest, messages: out.messages, node: out.node, endString };
    }
    return out;
  }

  /** `interpreted text`, :role:`interpreted text`, `interpreted text`:role:, `phrase reference`_ (docutils' interpreted_or_phrase_ref). */
  private interpretedOrPhraseRef(m: StartMatch, base: number): Outcome {
    const { s } = this;
    const roleStart = m.start;
    const matchStart = m.backquote;
    const matchEnd = matchStart + 1;
    let role = m.role;
    let position = "";
    if (role) position = "prefix";
    else if (this.quoted(matchStart, matchEnd, base)) return { beforeEnd: matchEnd, nodes: emptyList(), rest: matchEnd, messages: emptyList(), node: null, endString: "" };
    const end = this.findEnd(End.Interpreted, matchEnd);
    if (end) {
      const suffix = this.interpretedSuffix(end.start);
      const textEnd = end.start + suffix.length;
      if (suffix.role) {
        if (role) {
          const msg = this.ctx.reporter.warning(
            "Multiple roles in interpreted text (both prefix and suffix present; only one allowed).",
            [],
            { line: this.lineno },
          );
          const text = unescapeNull(s.slice(roleStart, textEnd), true);
          return { beforeEnd: roleStart, nodes: [this.problematic(text, text, msg)], rest: textEnd, messages: [msg], node: null, endString: "" };
        }
        role = suffix.role;
        position = "suffix";
      }
      const escaped = s.slice(matchEnd, end.start);
      let rawsource = unescapeNull(s.slice(matchStart, textEnd), true);
      if (rawsource.endsWith("_")) {
        if (role) {
          const msg = this.ctx.reporter.warning(
            `Mismatch: both interpreted text role ${position} and reference suffix.`,
            [],
            { line: this.lineno },
          );
          const text = unescapeNull(s.slice(roleStart, textEnd), true);
          return { beforeEnd: roleStart, nodes: [this.problematic(text, text, msg)], rest: textEnd, messages: [msg], node: null, endString: "" };
        }
        return { beforeEnd: matchStart, nodes: this.phraseRef(rawsource, escaped), rest: textEnd, messages: emptyList(), node: null, endString: "" };
      }
      rawsource = unescapeNull(s.slice(roleStart, textEnd), true);
      const [nodes, messages] = this.interpreted(rawsource, escaped, role);
      return { beforeEnd: roleStart, nodes, rest: textEnd, messages, node: null, endString: "" };
    }
    const msg = this.ctx.reporter.warning(
      "Inline interpreted text or phrase reference start-string without end-string.",
      [],
      { line: this.lineno },
    );
    const text = unescapeNull(s.slice(matchStart, matchEnd), true);
    return { beforeEnd: matchStart, nodes: [this.problematic(text, text, msg)], rest: matchEnd, messages: [msg], node: null, endString: "" };
  }

  /** Interpreted text: the role's function makes the nodes (docutils' Inliner.interpreted). */
  private interpreted(rawsource: string, text: string, role: string): [Node[], Element[]] {
    let fn;
    let messages: Element[] = [];
    if (role) ({ fn, messages } = lookupRole(role, this.lineno, this.ctx));
    else {
      // The default role: set by the default-role directive (already reported there) or title-reference.
      const name = this.ctx.memo.defaultRole;
      fn = lookupRole(name, this.lineno, this.ctx).fn;
    }
    if (fn) {
      let result: [Node[], Element[]];
      try {
        result = fn(role, rawsource, text, this.lineno, this.ctx, {}, []);
      } catch (e) {
        const msg = this.ctx.reporter.error(`Role "${role}" failed: ${(e as Error).message}`, [], { line: this.lineno });
        return [[this.problematic(rawsource, rawsource, msg)], [...messages, msg]];
      }
      return [result[0], [...messages, ...result[1]]];
    }
    const msg = this.ctx.reporter.error(`Unknown interpreted text role "${role}".`, [], { line: this.lineno });
    return [[this.problematic(rawsource, rawsource, msg)], [...messages, msg]];
  }

  /** `phrase reference`_, `anonymous`__, with an embedded <URI> or <alias_> (docutils' phrase_ref). */
  private phraseRef(rawsource: string, escaped: string): Node[] {
    const { document } = this.ctx;
    const link = findEmbeddedLink(escaped);
    let text: string;
    let unescaped: string;
    let target: Element | null = null;
    let alias = "";
    let aliasType: "name" | "uri" = "uri";
    if (link) {
      text = escaped.slice(0, link.start);
      unescaped = unescapeNull(text);
      const aliasText = link.content;
      const rawAliasText = unescapeNull(aliasText, true);
      const underscoreEscaped = rawAliasText.endsWith("\\_");
      if (aliasText.endsWith("_") && !(underscoreEscaped || new UriScanner(aliasText).matchAt(0, aliasText.length))) {
        aliasType = "name";
        alias = fullyNormalizeName(unescapeNull(aliasText.slice(0, -1)));
        target = new Element("target", { refname: alias });
        target.indirectReferenceName = whitespaceNormalizeName(unescapeNull(aliasText.slice(0, -1)));
      } else {
        aliasType = "uri";
        const parts = splitEscapedWhitespace(aliasText);
        alias = parts.map((part) => pySplit(part).join("")).join(" ");
        alias = adjustUri(unescapeNull(alias));
        if (alias.endsWith("\\_")) alias = alias.slice(0, -2) + "_";
        target = new Element("target", { refuri: alias });
        target.referenced = true;
      }
      target.rawsource = link.whole;
      if (!text) {
        text = alias;
        unescaped = unescapeNull(text);
      }
    } else {
      text = escaped;
      unescaped = unescapeNull(text);
    }
    const refname = fullyNormalizeName(unescaped);
    const reference = new Element("reference", {}, [new Text(text)]);
    reference.rawsource = rawsource;
    const nodes: Node[] = [reference];
    if (rawsource.endsWith("__")) {
      if (target && aliasType === "name") {
        reference.set("refname", alias);
        document.noteRefname(reference);
      } else if (target && aliasType === "uri") {
        reference.set("refuri", alias);
      } else {
        reference.set("anonymous", 1);
        document.anonymousRefs.push(reference);
      }
    } else if (target) {
      target.names.push(refname);
      if (aliasType === "name") {
        reference.set("refname", alias);
        document.noteImplicitTarget(target, this.ctx.parent);
        document.noteIndirectTarget(target);
        document.noteRefname(reference);
      } else {
        reference.set("refuri", alias);
        document.noteImplicitTarget(target, this.ctx.parent);
      }
      nodes.push(target);
    } else {
      reference.set("refname", refname);
      document.noteRefname(reference);
    }
    return nodes;
  }

  /** name_ and name__ */
  private reference(m: StartMatch): Outcome {
    const { s } = this;
    const end = m.start + m.length;
    const name = s.slice(m.start, end - m.refend);
    const node = new Element("reference", {}, [new Text(name)]);
    node.rawsource = s.slice(m.start, end);
    if (m.refend === 2) {
      node.set("anonymous", 1);
      this.ctx.document.anonymousRefs.push(node);
    } else {
      node.set("refname", fullyNormalizeName(name));
      this.ctx.document.noteRefname(node);
    }
    return { beforeEnd: m.start, nodes: [node], rest: end, messages: emptyList(), node: null, endString: "" };
  }

  /** [1]_, [#]_, [#label]_, [*]_ and [CITATION]_ */
  private footnoteReference(m: StartMatch, base: number): Outcome {
    const { document } = this.ctx;
    const label = m.label;
    let refname = fullyNormalizeName(label);
    const rawsource = `[${label}]_`;
    let node: Element;
    if (m.citation) {
      node = new Element("citation_reference", { refname }, [new Text(label)]);
      node.rawsource = rawsource;
      document.noteCitationRef(node);
    } else {
      node = new Element("footnote_reference");
      node.rawsource = rawsource;
      if (refname.startsWith("#")) {
        refname = refname.slice(1);
        node.set("auto", 1);
        document.noteAutofootnoteRef(node);
      } else if (refname === "*") {
        refname = "";
        node.set("auto", "*");
        document.noteSymbolFootnoteRef(node);
      } else {
        node.append(new Text(label));
      }
      if (refname) {
        node.set("refname", refname);
        document.noteFootnoteRef(node);
      }
    }
    let beforeEnd = m.start;
    // docutils' get_trim_footnote_ref_space: the setting, else "footnotes are superscripts".
    const trim = document.settings.trimFootnoteReferenceSpace;
    if (trim === true || ((trim === undefined || trim === null) && document.settings.footnoteReferences === "superscript")) {
      // docutils strips the whitespace at the end of the text before the reference.
      while (beforeEnd > base && isSpace(this.s[beforeEnd - 1])) beforeEnd--;
    }
    return { beforeEnd, nodes: [node], rest: m.start + m.length, messages: emptyList(), node: null, endString: "" };
  }

  // ---- standalone hyperlinks (docutils' implicit_inline) ----

  /**
   * Text s[a, b) with its standalone URIs and e-mail addresses (and, when the
   * settings ask for them, PEP and RFC references) made references.
   */
  private implicit(a: number, b: number, out: Node[] = []): Node[] {
    if (a >= b) return out;
    // Pieces still to do, last first: a range [from, to) or a finished node.
    const work: Array<[number, number] | Node> = [[a, b]];
    while (work.length) {
      const item = work.pop()!;
      if (!Array.isArray(item)) {
        out.push(item);
        continue;
      }
      const [from, to] = item;
      if (from >= to) continue;
      const found = this.implicitMatch(from, to);
      if (!found) {
        out.push(new Text(this.s.slice(from, to)));
        continue;
      }
      work.push([found.end, to], found.node, [from, found.start]);
    }
    return out;
  }

  /**
   * The first implicit construct in s[from, to): docutils tries its patterns in
   * order (URI, PEP, RFC); a URI with an unknown scheme makes it go on with the next
   * pattern over the whole range.
   */
  private implicitMatch(from: number, to: number): { start: number; end: number; node: Element } | null {
    const { s } = this;
    const settings = this.ctx.document.settings;
    this.uris ??= new UriScanner(s, this.characterLevel);
    const m = this.uris.findFirst(from, to);
    if (m && (m.scheme === null || URI_SCHEMES.has(m.scheme.toLowerCase()))) {
      const text = s.slice(m.start, m.end);
      const refuri = (m.scheme === null ? "mailto:" : "") + unescapeNull(text);
      return { start: m.start, end: m.end, node: this.implicitReference(text, refuri) };
    }
    if (settings.pepReferences === true) {
      this.pepRfc ??= new PepRfcScanner(s, this.characterLevel);
      const p = this.pepRfc.findPep(from, to);
      if (p) {
        const base = typeof settings.pepBaseUrl === "string" ? settings.pepBaseUrl : "https://peps.python.org/";
        const template = typeof settings.pepFileUrlTemplate === "string" ? settings.pepFileUrlTemplate : "pep-%04d";
        const num = digitsValue(unescapeNull(p.digits));
        const refuri = base + template.replace(/%0?(\d*)d/, (_m, width: string) => String(num).padStart(Number(width || 0), "0"));
        return { start: p.start, end: p.end, node: this.implicitReference(s.slice(p.start, p.end), refuri) };
      }
    }
    if (settings.rfcReferences === true) {
      this.pepRfc ??= new PepRfcScanner(s, this.characterLevel);
      const r = this.pepRfc.findRfc(from, to);
      if (r) {
        const base = typeof settings.rfcBaseUrl === "string" ? settings.rfcBaseUrl : "https://tools.ietf.org/html/";
        const refuri = `${base}rfc${digitsValue(unescapeNull(r.digits))}.html`;
        return { start: r.start, end: r.end, node: this.implicitReference(s.slice(r.start, r.end), refuri) };
      }
    }
    return null;
  }

  private implicitReference(text: string, refuri: string): Element {
    const ref = new Element("reference", { refuri }, [new Text(text)]);
    ref.rawsource = unescapeNull(text, true);
    return ref;
  }
}

/** docutils' adjust_uri: an e-mail address becomes a mailto: URI. */
function adjustUri(uri: string): string {
  return new UriScanner(uri).isWholeEmail() ? `mailto:${uri}` : uri;
}

/**
 * An embedded URI or alias at the end of phrase-reference text: whitespace (or the
 * start), "<", no whitespace, content without unescaped angle brackets, no
 * whitespace or escape, ">" (docutils' `patterns.embedded_link`).
 */
export function findEmbeddedLink(escaped: string): { start: number; whole: string; content: string } | null {
  const n = escaped.length;
  if (n < 3 || escaped[n - 1] !== ">") return null;
  const last = escaped[n - 2];
  if (isSpace(last) || last === "\x00") return null;
  let k = n - 2;
  for (; k >= 0; k--) {
    const ch = escaped[k];
    if (ch === "<" || ch === ">") {
      if (k > 0 && escaped[k - 1] === "\x00") {
        k--; // an escaped bracket belongs to the content
        continue;
      }
      if (ch === ">") return null;
      break;
    }
  }
  if (k < 0 || k + 1 >= n - 1 || isSpace(escaped[k + 1])) return null;
  let start = k;
  if (k > 0) {
    if (escaped[k - 1] !== " " && escaped[k - 1] !== "\n") return null;
    while (start > 0 && (escaped[start - 1] === " " || escaped[start - 1] === "\n")) start--;
  }
  return { start, whole: escaped.slice(start), content: escaped.slice(k + 1, n - 1) };
}
