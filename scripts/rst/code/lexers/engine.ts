// A small state-machine lexer in the manner of Pygments' RegexLexer: each state is
// an ordered list of rules (sticky regular expressions); the first rule matching at
// the current position emits its token(s) and may push or pop states. Tokens are
// named with Pygments' dotted token types ("Literal.String.Double"), which docutils
// turns into class lists ("literal string double").

export type TokenType = string;

export interface Rule {
  re: RegExp;
  /** One token type for the whole match, one per capture group (null = skip), or null (no token). */
  action: TokenType | Array<TokenType | null> | null;
  /** State(s) to push, "#pop", or "#pop:N". */
  next?: string | string[];
  /** The characters a match can start with, when known (a fast pre-check). */
  first?: Set<string>;
}

export type States = Record<string, Rule[]>;

/** A rule from a pattern source (compiled sticky, multi-line, Unicode). */
export function rule(pattern: string, action: Rule["action"], next?: Rule["next"]): Rule {
  return { re: new RegExp(pattern, "myu"), action, next };
}

/** A rule that matches nothing and moves to another state (Pygments' `default`). */
export function fallback(next: Rule["next"]): Rule {
  return { re: /(?:)/y, action: null, next };
}

/** A word list as an alternation with a suffix (Pygments' `words`). */
export function words(list: readonly string[], prefix = "", suffix = ""): string {
  const sorted = [...list].sort((a, b) => b.length - a.length);
  return `${prefix}(?:${sorted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})${suffix}`;
}

/** A rule matching one of `list` (Pygments' `words`), checked only where one of the words can start. */
export function wordsRule(list: readonly string[], action: Rule["action"], prefix = "", suffix = "", next?: Rule["next"]): Rule {
  return { ...rule(words(list, prefix, suffix), action, next), first: new Set(list.map((w) => w[0])) };
}

/** Restricts a rule to positions starting with one of `chars`. */
export function startingWith(chars: string, r: Rule): Rule {
  return { ...r, first: new Set(chars) };
}

/** Runs the lexer over `text`: (token type, value) pairs covering the whole text. */
export function lex(text: string, states: States): Array<[TokenType, string]> {
  const out: Array<[TokenType, string]> = [];
  const stack = ["root"];
  let pos = 0;
  const emit = (type: TokenType, value: string) => {
    if (value) out.push([type, value]);
  };
  while (pos < text.length) {
    const rules = states[stack[stack.length - 1]];
    const ch = text[pos];
    let matched = false;
    for (const r of rules) {
      if (r.first && !r.first.has(ch)) continue;
      r.re.lastIndex = pos;
      const m = r.re.exec(text);
      if (!m) continue;
      if (m[0] === "" && r.next === undefined) continue;
      if (Array.isArray(r.action)) {
        r.action.forEach((type, i) => {
          if (type !== null && m[i + 1] !== undefined) emit(type, m[i + 1]);
        });
      } else if (r.action !== null) emit(r.action, m[0]);
      pos += m[0].length;
      for (const next of r.next === undefined ? [] : Array.isArray(r.next) ? r.next : [r.next]) {
        if (next.startsWith("#pop")) {
          const n = next === "#pop" ? 1 : Number(next.slice(5));
          for (let k = 0; k < n && stack.length > 1; k++) stack.pop();
        } else if (next === "#push") stack.push(stack[stack.length - 1]);
        else stack.push(next);
      }
      matched = true;
      break;
    }
    if (!matched) {
      if (ch === "\n") {
        stack.length = 1;
        emit("Text.Whitespace", "\n");
      } else emit("Error", ch);
      pos++;
    }
  }
  return out;
}
