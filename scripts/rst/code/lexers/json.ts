// JSON, tokenized as Pygments' JsonLexer does: one pass over the characters, with
// strings held back until the next significant character tells whether they are
// object keys (followed by ":", Name.Tag) or values (Literal.String.Double).
// Comments (// and /* */) are accepted; anything else unexpected is an Error token.
import type { TokenType } from "./engine.ts";
import { pushAll } from "../../arrays.ts";

const WHITESPACE = new Set([" ", "\n", "\r", "\t"]);
const CONSTANT_CHARS = new Set("truefalsn");
const CONSTANT_STARTS = new Set("fnt");
const INTEGER_CHARS = new Set("-0123456789");
const FLOAT_CHARS = new Set(".eE+");
const PUNCTUATION = new Set("{}[],");
const HEX = new Set("0123456789abcdefABCDEF");

type Mode = "none" | "string" | "whitespace" | "constant" | "number" | "punctuation" | "comment" | "block-comment" | "slash";
type Token = [TokenType, string];

export function lexJson(text: string): Token[] {
  return new JsonScanner(text).scan();
}

/** The scanner's state between characters: the token in progress and the strings held back. */
class JsonScanner {
  private readonly out: Token[] = [];
  private held: Token[] = [];
  private mode: Mode = "none";
  private start = 0;
  private escape = false;
  private unicodeDigits = 0;
  private isFloat = false;
  private closing = false;

  constructor(private readonly text: string) {}

  scan(): Token[] {
    const { text } = this;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.continueToken(c, i)) continue;
      this.startToken(c, i);
    }
    this.flush();
    this.finish();
    return this.out.filter(([, v]) => v !== "");
  }

  private flush(): void {
    pushAll(this.out, this.held);
    this.held = [];
  }

  /** Whitespace and comments wait behind a held string; everything else goes out. */
  private emitMaybeHeld(type: TokenType, value: string): void {
    if (this.held.length) this.held.push([type, value]);
    else this.out.push([type, value]);
  }

  /** Continues the token in progress with `c`: true when `c` belongs to it, false when a new token starts at `c`. */
  private continueToken(c: string, i: number): boolean {
    const { text } = this;
    switch (this.mode) {
      case "string":
        this.stringChar(c, i);
        return true;
      case "whitespace":
        if (WHITESPACE.has(c)) return true;
        this.emitMaybeHeld("Text.Whitespace", text.slice(this.start, i));
        break;
      case "constant":
        if (CONSTANT_CHARS.has(c)) return true;
        this.out.push(["Keyword.Constant", text.slice(this.start, i)]);
        break;
      case "number":
        if (INTEGER_CHARS.has(c)) return true;
        if (FLOAT_CHARS.has(c)) {
          this.isFloat = true;
          return true;
        }
        this.out.push([this.isFloat ? "Literal.Number.Float" : "Literal.Number.Integer", text.slice(this.start, i)]);
        this.isFloat = false;
        break;
      case "punctuation":
        if (PUNCTUATION.has(c)) return true;
        this.out.push(["Punctuation", text.slice(this.start, i)]);
        break;
      case "comment":
        if (c !== "\n") return true;
        this.emitMaybeHeld("Comment.Single", text.slice(this.start, i));
        break;
      case "block-comment":
        if (c === "*") this.closing = true;
        else if (this.closing) {
          this.closing = false;
          if (c === "/") {
            this.emitMaybeHeld("Comment.Multiline", text.slice(this.start, i + 1));
            this.mode = "none";
          }
        }
        return true;
      case "slash":
        if (c === "/" || c === "*") {
          this.mode = c === "/" ? "comment" : "block-comment";
          return true;
        }
        this.flush();
        this.out.push(["Error", text.slice(this.start, i)]);
        break;
      case "none":
        break;
    }
    this.mode = "none";
    return false;
  }

  /** A character inside a string: escapes (\uXXXX too) and the closing quote. */
  private stringChar(c: string, i: number): void {
    if (this.unicodeDigits) {
      if (HEX.has(c)) {
        this.unicodeDigits--;
        if (!this.unicodeDigits) this.escape = false;
      } else {
        this.unicodeDigits = 0;
        this.escape = false;
      }
    } else if (this.escape) {
      if (c === "u") this.unicodeDigits = 4;
      else this.escape = false;
    } else if (c === "\\") this.escape = true;
    else if (c === '"') {
      this.held.push(["Literal.String.Double", this.text.slice(this.start, i + 1)]);
      this.mode = "none";
      this.escape = false;
      this.unicodeDigits = 0;
    }
  }

  /** Starts a new token at character `c`. */
  private startToken(c: string, i: number): void {
    this.start = i;
    if (c === '"') this.mode = "string";
    else if (WHITESPACE.has(c)) this.mode = "whitespace";
    else if (CONSTANT_STARTS.has(c)) {
      this.flush();
      this.mode = "constant";
    } else if (INTEGER_CHARS.has(c)) {
      this.flush();
      this.mode = "number";
    } else if (c === ":") {
      // The held strings were object keys.
      for (const [type, value] of this.held) this.out.push([type === "Literal.String.Double" ? "Name.Tag" : type, value]);
      this.held = [];
      this.mode = "punctuation";
    } else if (PUNCTUATION.has(c)) {
      this.flush();
      this.mode = "punctuation";
    } else if (c === "/") this.mode = "slash";
    else {
      this.flush();
      this.out.push(["Error", c]);
    }
  }

  /** The token still in progress at the end of the text. */
  private finish(): void {
    const final: Partial<Record<Mode, TokenType>> = {
      string: "Error",
      whitespace: "Text.Whitespace",
      constant: "Keyword.Constant",
      number: this.isFloat ? "Literal.Number.Float" : "Literal.Number.Integer",
      punctuation: "Punctuation",
      comment: "Comment.Single",
      "block-comment": "Error",
      slash: "Error",
    };
    const type = this.mode !== "none" ? final[this.mode] : undefined;
    if (type) this.out.push([type, this.text.slice(this.start)]);
  }
}
