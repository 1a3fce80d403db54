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

export function lexJson(text: string): Array<[TokenType, string]> {
  const out: Array<[TokenType, string]> = [];
  let held: Array<[TokenType, string]> = [];
  const flush = () => {
    pushAll(out, held);
    held = [];
  };
  /** Whitespace and comments wait behind a held string; everything else goes out. */
  const emitMaybeHeld = (type: TokenType, value: string) => {
    if (held.length) held.push([type, value]);
    else out.push([type, value]);
  };
  let mode: Mode = "none";
  let start = 0;
  let escape = false;
  let unicodeDigits = 0;
  let isFloat = false;
  let closing = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // Continue (or finish) the token in progress.
    if (mode === "string") {
      if (unicodeDigits) {
        if (HEX.has(c)) {
          unicodeDigits--;
          if (!unicodeDigits) escape = false;
        } else {
          unicodeDigits = 0;
          escape = false;
        }
      } else if (escape) {
        if (c === "u") unicodeDigits = 4;
        else escape = false;
      } else if (c === "\\") escape = true;
      else if (c === '"') {
        held.push(["Literal.String.Double", text.slice(start, i + 1)]);
        mode = "none";
        escape = false;
        unicodeDigits = 0;
      }
      continue;
    }
    if (mode === "whitespace") {
      if (WHITESPACE.has(c)) continue;
      emitMaybeHeld("Text.Whitespace", text.slice(start, i));
      mode = "none";
    } else if (mode === "constant") {
      if (CONSTANT_CHARS.has(c)) continue;
      out.push(["Keyword.Constant", text.slice(start, i)]);
      mode = "none";
    } else if (mode === "number") {
      if (INTEGER_CHARS.has(c)) continue;
      if (FLOAT_CHARS.has(c)) {
        isFloat = true;
        continue;
      }
      out.push([isFloat ? "Literal.Number.Float" : "Literal.Number.Integer", text.slice(start, i)]);
      mode = "none";
      isFloat = false;
    } else if (mode === "punctuation") {
      if (PUNCTUATION.has(c)) continue;
      out.push(["Punctuation", text.slice(start, i)]);
      mode = "none";
    } else if (mode === "comment") {
      if (c !== "\n") continue;
      emitMaybeHeld("Comment.Single", text.slice(start, i));
      mode = "none";
    } else if (mode === "block-comment") {
      if (c === "*") closing = true;
      else if (closing) {
        closing = false;
        if (c === "/") {
          emitMaybeHeld("Comment.Multiline", text.slice(start, i + 1));
          mode = "none";
        }
      }
      continue;
    } else if (mode === "slash") {
      if (c === "/") {
        mode = "comment";
        continue;
      }
      if (c === "*") {
        mode = "block-comment";
        continue;
      }
      flush();
      out.push(["Error", text.slice(start, i)]);
      mode = "none";
    }
    // Start a new token at this character.
    start = i;
    if (c === '"') mode = "string";
    else if (WHITESPACE.has(c)) mode = "whitespace";
    else if (CONSTANT_STARTS.has(c)) {
      flush();
      mode = "constant";
    } else if (INTEGER_CHARS.has(c)) {
      flush();
      mode = "number";
    } else if (c === ":") {
      // The held strings were object keys.
      for (const [type, value] of held) out.push([type === "Literal.String.Double" ? "Name.Tag" : type, value]);
      held = [];
      mode = "punctuation";
    } else if (PUNCTUATION.has(c)) {
      flush();
      mode = "punctuation";
    } else if (c === "/") mode = "slash";
    else {
      flush();
      out.push(["Error", c]);
    }
  }
  flush();
  const rest = text.slice(start);
  const final: Partial<Record<Mode, TokenType>> = {
    string: "Error",
    whitespace: "Text.Whitespace",
    constant: "Keyword.Constant",
    number: isFloat ? "Literal.Number.Float" : "Literal.Number.Integer",
    punctuation: "Punctuation",
    comment: "Comment.Single",
    "block-comment": "Error",
    slash: "Error",
  };
  if (mode !== "none" && final[mode]) out.push([final[mode] as TokenType, rest]);
  return out.filter(([, v]) => v !== "");
}
