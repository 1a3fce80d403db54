// A small LaTeX-math → MathML converter for the html5 writer (docutils' default
// math_output is MathML). It covers the common part of LaTeX math: identifiers, numbers,
// operators, sub/superscripts, groups, \frac, \sqrt, \text/\mathrm & co., Greek letters,
// common symbols and functions, spacing, \left/\right, and multi-line blocks (\\ and &).
// Anything else raises MathSyntaxError; the writer then shows the source as "problematic".
// Linear: one pass over the tokens, no backtracking; nesting depth is bounded.
import { pushAll } from "../../arrays.ts";

export class MathSyntaxError extends Error {}

interface MNode {
  tag: string;
  attrs?: Record<string, string>;
  text?: string;
  /** Already-escaped content (an entity reference). */
  raw?: string;
  children?: MNode[];
}

const GREEK: Record<string, string> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ϵ", varepsilon: "ε", zeta: "ζ", eta: "η",
  theta: "θ", vartheta: "ϑ", iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π",
  varpi: "ϖ", rho: "ρ", varrho: "ϱ", sigma: "σ", varsigma: "ς", tau: "τ", upsilon: "υ", phi: "ϕ",
  varphi: "φ", chi: "χ", psi: "ψ", omega: "ω", Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ",
  Xi: "Ξ", Pi: "Π", Sigma: "Σ", Upsilon: "Υ", Phi: "Φ", Psi: "Ψ", Omega: "Ω",
  forall: "∀", exists: "∃", nexists: "∄", imath: "ı", jmath: "ȷ", wp: "℘", mho: "℧", eth: "ð", beth: "ℶ", gimel: "ℷ", daleth: "ℸ",
  hslash: "ℏ", Bbbk: "𝕜", Finv: "Ⅎ", Game: "⅁", complement: "∁", digamma: "ϝ", varkappa: "ϰ",
  angle: "∠", measuredangle: "∡", flat: "♭", natural: "♮", sharp: "♯", clubsuit: "♣",
  diamondsuit: "♢", heartsuit: "♡", spadesuit: "♠", top: "⊤", bot: "⊥", ldots: "…", dots: "…", prime: "′",
  triangle: "△", Box: "□", cdots: "⋯", vdots: "⋮", ddots: "⋱", infty: "∞", partial: "∂", nabla: "∇", ell: "ℓ", hbar: "ℏ", aleph: "ℵ", emptyset: "∅", Re: "ℜ", Im: "ℑ",
};

const OPERATORS: Record<string, string> = {
  cdot: "⋅", times: "×", pm: "±", mp: "∓", div: "÷", ast: "∗", star: "⋆", circ: "∘", bullet: "•",
  leq: "≤", le: "≤", geq: "≥", ge: "≥", neq: "≠", ne: "≠", approx: "≈", equiv: "≡", sim: "∼",
  simeq: "≃", cong: "≅", propto: "∝", ll: "≪", gg: "≫", to: "→", rightarrow: "→", leftarrow: "←",
  gets: "←", Rightarrow: "⇒", Leftarrow: "⇐", Leftrightarrow: "⇔", leftrightarrow: "↔", mapsto: "↦",
  implies: "⟹", iff: "⟺", in: "∈", notin: "∉", ni: "∋", subset: "⊂", supset: "⊃", subseteq: "⊆",
  supseteq: "⊇", cup: "∪", cap: "∩", setminus: "⧵", wedge: "∧", land: "∧", vee: "∨", lor: "∨",
  neg: "¬", lnot: "¬",   perp: "⊥", parallel: "∥", mid: "∣", langle: "⟨", rangle: "⟩",
  uparrow: "↑", Uparrow: "⇑", downarrow: "↓", Downarrow: "⇓", updownarrow: "↕", Updownarrow: "⇕",
  longleftarrow: "⟵", Longleftarrow: "⟸", longrightarrow: "⟶", Longrightarrow: "⟹", longleftrightarrow: "⟷",
  Longleftrightarrow: "⟺", longmapsto: "⟼", nearrow: "↗", searrow: "↘", swarrow: "↙", nwarrow: "↖",
  leftharpoonup: "↼", leftharpoondown: "↽", rightharpoonup: "⇀", rightharpoondown: "⇁", hookleftarrow: "↩",
  hookrightarrow: "↪", circledast: "⊛", circledcirc: "⊚", circleddash: "⊝", ominus: "⊖", oslash: "⊘",
  odot: "⊙", Cap: "⋒", Cup: "⋓", curlyvee: "⋎", curlywedge: "⋏", leftthreetimes: "⋋", rightthreetimes: "⋌",
  ltimes: "⋉", rtimes: "⋊", amalg: "⨿", dagger: "†", ddagger: "‡", bigcirc: "◯", diamond: "⋄",
  smallsetminus: "⧵", bigtriangledown: "▽", bigtriangleup: "△", sqcap: "⊓", sqcup: "⊔", divideontimes: "⋇",
  boxdot: "⊡", boxminus: "⊟", boxplus: "⊞", boxtimes: "⊠", dotplus: "∔", doublebarwedge: "⩞", gtrdot: "⋗",
  lessdot: "⋖", triangleleft: "◃", triangleright: "▹", intercal: "⊺", uplus: "⊎", veebar: "⊻",
  centerdot: "⬝", wr: "≀", Join: "⋈", bowtie: "⋈", asymp: "≍", dashv: "⊣", vdash: "⊢", models: "⊨",
  doteq: "≐", frown: "⌢", smile: "⌣", prec: "≺", succ: "≻", preceq: "⪯", succeq: "⪰", precsim: "≾",
  succsim: "≿", sqsubset: "⊏", sqsubseteq: "⊑", sqsupset: "⊐", sqsupseteq: "⊒", coloneq: "≔",
  lceil: "⌈", rceil: "⌉", lfloor: "⌊", rfloor: "⌋", lvert: "|", rvert: "|", lVert: "‖", rVert: "‖",
  backepsilon: "∍", lgroup: "⟮", rgroup: "⟯", arrowvert: "⏐", Arrowvert: "‖", bracevert: "⎪", lmoustache: "⎰",
  rmoustache: "⎱", backslash: "\\", nmid: "∤", nparallel: "∦", leqslant: "⩽", geqslant: "⩾", lesssim: "≲", gtrsim: "≳",
  lbrace: "{", rbrace: "}", vert: "|", Vert: "‖", oplus: "⊕", otimes: "⊗",
};

/** Large operators: limits go below/above in display mode. */
const LARGE_OPERATORS: Record<string, string> = {
  sum: "∑", prod: "∏", coprod: "∐", int: "∫", iint: "∬", iiint: "∭", oint: "∮", bigcup: "⋃",
  bigcap: "⋂", bigoplus: "⨁", bigotimes: "⨂", bigodot: "⨀", bigsqcup: "⨆", biguplus: "⨄",
  bigvee: "⋁", bigwedge: "⋀", iiiint: "⨌", smallint: "∫", intop: "∫", idotsint: "∫⋯∫",
};

/** Large operators whose limits go below and above (in display) rather than as scripts. */
const MOVABLE_LIMITS = new Set(["sum", "prod", "coprod", "bigcup", "bigcap", "bigoplus", "bigotimes", "bigodot", "bigsqcup", "biguplus", "bigvee", "bigwedge"]);

const FUNCTIONS = new Set([
  "coth", "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
  "log", "ln", "lg", "exp", "det", "dim", "ker", "deg", "arg", "gcd", "hom", "Pr",
]);
const LIMIT_FUNCTIONS: Set<string> = new Set(["lim", "max", "min", "sup", "inf"]);
/** Two-word operator names, written with a narrow no-break space. */
const SPACED_FUNCTIONS: Record<string, string> = {
  liminf: "lim\u202finf", limsup: "lim\u202fsup", injlim: "inj\u202flim", projlim: "proj\u202flim",
};

const SPACES: Record<string, string> = {
  ",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em", " ": "0.25em", quad: "1em",
  thinspace: "0.1667em", medspace: "0.2222em", thickspace: "0.2778em", enspace: "0.5em", negthinspace: "-0.1667em",
  qquad: "2em", "!": "-0.1667em",
};

/** Negated relations with a character of their own (others get a combining long solidus). */
const NEGATIONS: Record<string, string> = {
  "=": "≠", "≡": "≢", "∈": "∉", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "<": "≮", ">": "≯", "≤": "≰",
  "≥": "≱", "∼": "≁", "≃": "≄", "≅": "≇", "≈": "≉", "∣": "∤", "∥": "∦", "∃": "∄",
};

/** Explicitly sized delimiters (\big( …). */
const DELIMITER_SIZES: Record<string, string> = {};
for (const [names, size] of [
  [["big", "bigl", "bigr", "bigm"], "1.2em"], [["Big", "Bigl", "Bigr", "Bigm"], "1.623em"],
  [["bigg", "biggl", "biggr", "biggm"], "2.047em"], [["Bigg", "Biggl", "Biggr", "Biggm"], "2.470em"],
] as Array<[string[], string]>) {
  for (const n of names) DELIMITER_SIZES[n] = size;
}

/** Wide symbols over or under an expression. */
const OVER_UNDER: Record<string, ["over" | "under", string]> = {
  overrightarrow: ["over", "→"], overleftarrow: ["over", "←"], overleftrightarrow: ["over", "↔"],
  underrightarrow: ["under", "→"], underleftarrow: ["under", "←"], underleftrightarrow: ["under", "↔"],
  overbrace: ["over", "⏞"], underbrace: ["under", "⏟"], widehat: ["over", "ˆ"], widetilde: ["over", "˜"],
};

/** Accents over a symbol. */
const ACCENTS: Record<string, string> = {
  acute: "´", grave: "`", dot: "˙", ddot: "¨", dddot: "˙˙˙", hat: "ˆ", check: "ˇ", breve: "˘", tilde: "~",
  bar: "ˉ", vec: "→", mathring: "˚",
};

const TEXT_COMMANDS = new Set(["text", "textrm", "mbox", "textit", "textbf"]);
const FONT_COMMANDS: Record<string, string> = {
  mathrm: "normal", mathit: "italic", mathbf: "bold", mathsf: "sans-serif", mathtt: "monospace",
  mathcal: "script", mathscr: "script", mathbb: "double-struck", mathfrak: "fraktur", boldsymbol: "bold-italic",
  mathbfit: "bold-italic", mathsfit: "sans-serif-italic", mathsfbfit: "sans-serif-bold-italic",
  mathbfsfit: "sans-serif-bold-italic",
};

const CLOSING = new Set([")", "]", "|", "}", "‖", "⟩"]);
const FENCES = new Set(["(", ")", "[", "]", "/", "|"]);
const PLAIN_OPERATORS = new Set(["+", "=", "<", ">", "*", ",", ";", ":", "!", "'", ".", "?", "@"]);
/** Characters written as another character (ASCII hyphen: the minus sign). */
const OPERATOR_CHARS: Record<string, string> = { "-": "\u2212" };
/** Capital Greek letters: docutils marks them (upright in LaTeX) with a class. */
const CAPITAL_GREEK = new Set([..."ΓΔΘΛΞΠΣΥΦΨΩ"]);
/** Symbols that are identifiers rather than operators. */
const SYMBOL_IDENTIFIERS = new Set([..."∞∂∇∅ℏℓℵ℘ℜℑ…"]);
const MAX_DEPTH = 200;

type Token = {
  kind: "cmd" | "char" | "num" | "open" | "close" | "sup" | "sub" | "amp" | "newline";
  value: string;
  /** Offsets of the token in the source (for the verbatim text of \text{…}). */
  start: number;
  end: number;
};

function tokenize(code: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: Token["kind"], value: string, start: number, end: number) => out.push({ kind, value, start, end });
  while (i < code.length) {
    const c = code[i];
    if (c === "\\") {
      const n = code[i + 1];
      if (n === undefined) throw new MathSyntaxError("Stray backslash");
      if (n === "\\") {
        push("newline", "\\\\", i, i + 2);
        i += 2;
      } else if (/[A-Za-z]/.test(n)) {
        let j = i + 1;
        while (j < code.length && /[A-Za-z]/.test(code[j])) j++;
        push("cmd", code.slice(i + 1, j), i, j);
        i = j;
      } else {
        push("cmd", n, i, i + 2);
        i += 2;
      }
    } else if (/\s/.test(c)) i++;
    else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < code.length && /[0-9.]/.test(code[j])) j++;
      while (code[j - 1] === ".") j--;
      push("num", code.slice(i, j), i, j);
      i = j;
    } else {
      const kind = c === "{" ? "open" : c === "}" ? "close" : c === "^" ? "sup" : c === "_" ? "sub" : c === "&" ? "amp" : "char";
      push(kind, c, i, i + 1);
      i++;
    }
  }
  return out;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly code: string,
    private readonly tokens: Token[],
    private readonly display: boolean,
  ) {}

  /** A sequence up to "}" (when `inGroup`) or the end; `&` and `\\` end a cell when `cells`. */
  sequence(inGroup: boolean, stopAtCells = false): MNode[] {
    const out: MNode[] = [];
    for (;;) {
      const t = this.tokens[this.pos];
      if (!t) {
        if (inGroup) throw new MathSyntaxError("Group not closed");
        return out;
      }
      if (t.kind === "close") {
        if (!inGroup) throw new MathSyntaxError('Unexpected "}"');
        return out;
      }
      if (stopAtCells && (t.kind === "amp" || t.kind === "newline")) return out;
      if (t.kind === "amp" || t.kind === "newline") throw new MathSyntaxError(`Unexpected "${t.value}"`);
      if (t.kind === "cmd" && (t.value === "right" || t.value === "end")) return out;
      const isFunction = t.kind === "cmd" && (FUNCTIONS.has(t.value) || LIMIT_FUNCTIONS.has(t.value) || t.value === "operatorname");
      const node = this.scripted();
      const prev = out[out.length - 1];
      if (node.tag === "mo" && node.text === "\u2212" && !node.attrs && prev?.tag === "mo" && !CLOSING.has(prev.text ?? "")) {
        // A minus right after an operator or an opening fence is a sign.
        node.attrs = { form: "prefix" };
      }
      out.push(node);
      // A function name followed by its argument gets the invisible "function application" operator.
      const next = this.tokens[this.pos];
      if (isFunction && next && next.kind !== "close" && next.kind !== "amp" && next.kind !== "newline") {
        out.push({ tag: "mo", raw: "&ApplyFunction;" });
      }
    }
  }

  private scripted(): MNode {
    const baseToken = this.tokens[this.pos];
    const base = this.atom();
    let sub: MNode | null = null;
    let sup: MNode | null = null;
    for (;;) {
      const t = this.tokens[this.pos];
      if (t?.kind === "sub" && !sub) {
        this.pos++;
        sub = this.argument();
      } else if (t?.kind === "sup" && !sup) {
        this.pos++;
        sup = this.argument();
      } else break;
    }
    if (!sub && !sup) return base;
    const limits = baseToken?.kind === "cmd" && (MOVABLE_LIMITS.has(baseToken.value) || LIMIT_FUNCTIONS.has(baseToken.value));
    if (limits && base.tag === "mo" && !base.attrs) base.attrs = { movablelimits: "true" };
    if (sub && sup) return { tag: limits ? "munderover" : "msubsup", children: [base, sub, sup] };
    if (sub) return { tag: limits ? "munder" : "msub", children: [base, sub] };
    return { tag: limits ? "mover" : "msup", children: [base, sup!] };
  }

  /** One argument: a group or a single token. */
  argument(): MNode {
    const t = this.tokens[this.pos];
    if (!t) throw new MathSyntaxError("Missing argument");
    if (t.kind === "num" && t.value.length > 1) {
      // \frac12: a single digit is one argument
      this.pos++;
      const rest = t.value.slice(1);
      this.tokens.splice(this.pos, 0, { kind: "num", value: rest, start: t.start + 1, end: t.end });
      return { tag: "mn", text: t.value[0] };
    }
    return this.atom();
  }

  private group(): MNode {
    if (++this.depth > MAX_DEPTH) throw new MathSyntaxError("Nesting too deep");
    this.pos++; // "{"
    const items = this.sequence(true);
    this.pos++; // "}"
    this.depth--;
    return items.length === 1 ? items[0] : { tag: "mrow", children: items };
  }

  /** The raw text of the {...} group at the current token, without consuming it (null if not closed). */
  private peekRawGroup(): string | null {
    const save = this.pos;
    try {
      return this.rawGroup();
    } catch {
      return null;
    } finally {
      this.pos = save;
    }
  }

  /** The raw text of a {...} argument (for \text and \mathrm). */
  private rawGroup(): string {
    const open = this.tokens[this.pos];
    if (!open || open.kind !== "open") {
      if (!open) throw new MathSyntaxError("Missing argument");
      this.pos++;
      return open.value;
    }
    this.pos++;
    let level = 1;
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos++];
      if (t.kind === "open") level++;
      if (t.kind === "close" && --level === 0) return this.code.slice(open.end, t.start);
    }
    throw new MathSyntaxError("Group not closed");
  }

  private atom(): MNode {
    const t = this.tokens[this.pos];
    if (!t) throw new MathSyntaxError("Missing argument");
    switch (t.kind) {
      case "open":
        return this.group();
      case "num":
        this.pos++;
        return { tag: "mn", text: t.value };
      case "sup":
      case "sub":
        throw new MathSyntaxError(`Unexpected "${t.value}"`);
      case "char": {
        this.pos++;
        const c = t.value;
        if (/\p{L}/u.test(c)) return identifier(c);
        if (SYMBOL_IDENTIFIERS.has(c)) return { tag: "mi", text: c };
        if (FENCES.has(c)) return { tag: "mo", attrs: { stretchy: "false" }, text: c };
        if (PLAIN_OPERATORS.has(c)) return { tag: "mo", text: c };
        if (c in OPERATOR_CHARS) return { tag: "mo", text: OPERATOR_CHARS[c] };
        if (/[\p{Sm}\p{So}]/u.test(c)) return { tag: "mo", text: c };
        throw new MathSyntaxError(`Unsupported character: "${c}"!`);
      }
      case "cmd":
        this.pos++;
        return this.command(t.value);
      default:
        throw new MathSyntaxError(`Unexpected "${t.value}"`);
    }
  }

  private command(name: string): MNode {
    if (name in GREEK) return identifier(GREEK[name]);
    if (name in OPERATORS) return { tag: "mo", text: OPERATORS[name] };
    if (name in LARGE_OPERATORS) {
      return MOVABLE_LIMITS.has(name)
        ? { tag: "mo", attrs: { movablelimits: "true" }, text: LARGE_OPERATORS[name] }
        : { tag: "mo", text: LARGE_OPERATORS[name] };
    }
    if (FUNCTIONS.has(name)) return { tag: "mi", text: name };
    if (LIMIT_FUNCTIONS.has(name)) return { tag: "mo", text: name };
    if (name in SPACED_FUNCTIONS) return { tag: "mi", text: SPACED_FUNCTIONS[name] };
    if (name in SPACES) return { tag: "mspace", attrs: { width: SPACES[name] } };
    if (name === "\n" || name === "\t" || name === "\r") return { tag: "mspace", attrs: { width: SPACES[" "] } };
    if (name === "colon") return { tag: "mo", attrs: { form: "postfix", lspace: "0", rspace: "0.28em" }, text: ":" };
    if (name === "varliminf") return { tag: "munder", children: [{ tag: "mo", text: "lim" }, { tag: "mo", text: "_" }] };
    if (name === "varlimsup") {
      return { tag: "mover", attrs: { accent: "false" }, children: [{ tag: "mo", text: "lim" }, { tag: "mo", attrs: { accent: "true" }, text: "¯" }] };
    }
    if (name === "{" || name === "}" || name === "|" || name === "%" || name === "$" || name === "#" || name === "_") {
      return { tag: "mo", text: name === "|" ? "‖" : name };
    }
    if (TEXT_COMMANDS.has(name)) return { tag: "mtext", text: this.rawGroup() };
    if (name in FONT_COMMANDS) {
      const variant = FONT_COMMANDS[name];
      const open = this.tokens[this.pos];
      const raw = open?.kind === "open" ? this.peekRawGroup() : null;
      if (raw !== null && /^\s*[A-Za-z]{2,}\s*$/.test(raw)) {
        // A word: one identifier.
        this.rawGroup();
        const word = raw.trim();
        if (variant === "normal") return { tag: "mi", text: word };
        const styled = [...word].map((ch) => styledLetter(ch, variant));
        return styled.every((x) => x) ? { tag: "mi", text: styled.join("") } : { tag: "mi", attrs: { mathvariant: variant }, text: word };
      }
      return applyVariant(this.argument(), variant);
    }
    switch (name) {
      case "frac":
      case "dfrac":
      case "tfrac":
        return { tag: "mfrac", children: [this.argument(), this.argument()] };
      case "sqrt": {
        const t = this.tokens[this.pos];
        if (t?.kind === "char" && t.value === "[") {
          this.pos++;
          const index: MNode[] = [];
          while (this.tokens[this.pos] && !(this.tokens[this.pos].kind === "char" && this.tokens[this.pos].value === "]")) {
            index.push(this.scripted());
          }
          this.pos++;
          const radicand = this.argument();
          return { tag: "mroot", children: [radicand, index.length === 1 ? index[0] : { tag: "mrow", children: index }] };
        }
        const radicand = this.argument();
        return { tag: "msqrt", children: radicand.tag === "mrow" && radicand.children && !radicand.attrs ? radicand.children : [radicand] };
      }
      case "left": {
        const open = this.delimiter();
        const inner = this.sequence(false);
        const right = this.tokens[this.pos];
        if (!right || right.kind !== "cmd" || right.value !== "right") throw new MathSyntaxError("\\left without \\right");
        this.pos++;
        const close = this.delimiter();
        const parts: MNode[] = [];
        if (open) parts.push({ tag: "mo", text: open });
        pushAll(parts, inner);
        if (close) parts.push({ tag: "mo", text: close });
        return { tag: "mrow", children: parts };
      }
      case "overline":
        return { tag: "mover", attrs: { accent: "false" }, children: [this.argument(), { tag: "mo", attrs: { accent: "true" }, text: "¯" }] };
      case "underline":
        return { tag: "munder", attrs: { accentunder: "false" }, children: [this.argument(), { tag: "mo", attrs: { accent: "true" }, text: "_" }] };
      case "not": {
        const target = this.atom();
        const negated = target.text !== undefined ? NEGATIONS[target.text] ?? target.text + "\u0338" : undefined;
        if (negated === undefined) throw new MathSyntaxError("\\not must be followed by a symbol");
        return { tag: "mo", text: negated };
      }
      case "binom": {
        const frac: MNode = { tag: "mfrac", attrs: { linethickness: "0" }, children: [this.argument(), this.argument()] };
        return { tag: "mrow", attrs: { class: "binom" }, children: [{ tag: "mo", text: "(" }, frac, { tag: "mo", text: ")" }] };
      }
      case "hspace":
        return { tag: "mspace", attrs: { width: this.rawGroup().trim() } };
      case "phantom":
        return { tag: "mphantom", children: [this.argument()] };
      case "operatorname": {
        const op = this.rawGroup().trim();
        return [...op].length > 1 ? { tag: "mi", attrs: { mathvariant: "normal" }, text: op } : { tag: "mi", text: op };
      }
      case "begin":
        return this.environment(this.rawGroup().trim());
      default:
        if (name in DELIMITER_SIZES) {
          const size = DELIMITER_SIZES[name];
          return { tag: "mo", attrs: { maxsize: size, minsize: size, symmetric: "true" }, text: this.delimiter() };
        }
        if (name in OVER_UNDER) {
          const [position, symbol] = OVER_UNDER[name];
          const base = this.argument();
          return position === "over"
            ? { tag: "mover", attrs: { accent: "false" }, children: [base, { tag: "mo", attrs: { accent: "true" }, text: symbol }] }
            : { tag: "munder", children: [base, { tag: "mo", text: symbol }] };
        }
        if (name in ACCENTS) {
          const attrs: Record<string, string> = { stretchy: "false" };
          if (name === "vec") attrs.scriptlevel = "+1";
          return { tag: "mover", attrs: { accent: "true" }, children: [this.argument(), { tag: "mo", attrs, text: ACCENTS[name] }] };
        }
        throw new MathSyntaxError(`Unknown LaTeX command "\\${name}".`);
    }
  }

  /** \begin{name} … \end{name}: matrices and cases. */
  private environment(name: string): MNode {
    if (++this.depth > MAX_DEPTH) throw new MathSyntaxError("Nesting too deep");
    const rows = this.table();
    const end = this.tokens[this.pos];
    if (!end || end.kind !== "cmd" || end.value !== "end") throw new MathSyntaxError(`Missing "\\end{${name}}"`);
    this.pos++;
    const closing = this.rawGroup().trim();
    if (closing !== name) throw new MathSyntaxError(`Environment "${name}" ended by "${closing}"`);
    this.depth--;
    const table = (attrs: Record<string, string>): MNode => ({ tag: "mtable", attrs, children: toRows(rows) });
    const fenced = (open: string, close: string, attrs: Record<string, string> = {}): MNode => ({
      tag: "mrow",
      children: [{ tag: "mo", text: open }, table(attrs), { tag: "mo", text: close }],
    });
    switch (name) {
      case "matrix":
        return table({});
      case "smallmatrix":
        return table({ rowspacing: "0.02em", columnspacing: "0.333em", scriptlevel: "1" });
      case "pmatrix":
        return fenced("(", ")");
      case "bmatrix":
        return fenced("[", "]");
      case "Bmatrix":
        return fenced("{", "}");
      case "vmatrix":
        return fenced("|", "|");
      case "Vmatrix":
        return fenced("‖", "‖");
      case "cases":
        return {
          tag: "mrow",
          children: [{ tag: "mo", attrs: { rspace: "0.17em" }, text: "{" }, table({ columnalign: "left", class: "cases" })],
        };
      case "aligned":
      case "align":
      case "align*":
        return table({ class: "ams-align", displaystyle: "true" });
      default:
        throw new MathSyntaxError(`Environment "${name}" not supported.`);
    }
  }

  private delimiter(): string {
    const t = this.tokens[this.pos++];
    if (!t) throw new MathSyntaxError("Missing delimiter");
    if (t.kind === "char") return t.value === "." ? "" : t.value;
    if (t.kind === "cmd" && t.value in OPERATORS) return OPERATORS[t.value];
    if (t.kind === "cmd" && (t.value === "{" || t.value === "}" || t.value === "|")) return t.value === "|" ? "‖" : t.value;
    throw new MathSyntaxError(`Unsupported delimiter "${t.value}"`);
  }

  /** Fails unless every token was used. */
  finish(): void {
    const t = this.tokens[this.pos];
    if (t) throw new MathSyntaxError(`Unexpected "${t.kind === "cmd" ? "\\" + t.value : t.value}"`);
  }

  /** Rows of cells for a multi-line block or an environment (up to its \end). */
  table(): MNode[][][] {
    const rows: MNode[][][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.sequence(false, true));
      const t = this.tokens[this.pos];
      if (!t || (t.kind === "cmd" && t.value === "end")) return rows;
      this.pos++;
      if (t.kind === "newline") rows.push([]);
      else if (t.kind !== "amp") throw new MathSyntaxError(`Unexpected "${t.value}"`);
    }
  }
}

/** Applies a math alphabet (\mathbf, \mathrm, …) to the letters of a parsed argument. */
function applyVariant(node: MNode, variant: string): MNode {
  const stack: MNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children) pushAll(stack, n.children);
    if (n.tag === "mn" && n.text !== undefined && DIGIT_BASES[variant] !== undefined) {
      n.text = [...n.text].map((ch) => styledDigit(ch, variant) ?? ch).join("");
      continue;
    }
    if ((n.tag === "mi" || n.tag === "mn") && n.text !== undefined && !n.attrs?.mathvariant) {
      const chars = [...n.text];
      if (chars.length !== 1) {
        if (variant === "normal" && n.tag === "mi" && FUNCTION_NAMES.has(n.text)) n.attrs = { ...(n.attrs ?? {}), mathvariant: "normal" };
        continue;
      }
      const styled = styledLetter(n.text, variant) ?? styledDigit(n.text, variant);
      if (styled) n.text = styled;
      else if (variant === "normal" && n.tag === "mi" && /^[A-Za-z]$/.test(n.text)) n.attrs = { ...(n.attrs ?? {}), mathvariant: "normal" };
      else if (variant !== "normal" && n.tag === "mi" && !n.attrs?.class) n.attrs = { ...(n.attrs ?? {}), mathvariant: variant };
    }
  }
  return node;
}

const DIGIT_BASES: Record<string, number> = {
  bold: 0x1d7ce, "double-struck": 0x1d7d8, "sans-serif": 0x1d7e2, monospace: 0x1d7f6,
};

function styledDigit(digit: string, variant: string): string | null {
  const base = DIGIT_BASES[variant];
  return base !== undefined && /^[0-9]$/.test(digit) ? String.fromCodePoint(base + digit.charCodeAt(0) - 48) : null;
}

const FUNCTION_NAMES = new Set([...FUNCTIONS]);

function toRows(rows: MNode[][][]): MNode[] {
  return rows.map((cells) => ({ tag: "mtr", children: cells.map((cell) => ({ tag: "mtd", children: cell })) }));
}

/** An identifier; capital Greek letters get docutils' "capital-greek" class. */
function identifier(c: string): MNode {
  return CAPITAL_GREEK.has(c) ? { tag: "mi", attrs: { class: "capital-greek" }, text: c } : { tag: "mi", text: c };
}

/** Mathematical alphanumeric symbols: the first capital letter of each style, and letters with their own code point. */
const ALPHANUMERIC: Record<string, { upper: number; lower: number | null; exceptions: Record<string, string> }> = {
  bold: { upper: 0x1d400, lower: 0x1d41a, exceptions: {} },
  italic: { upper: 0x1d434, lower: 0x1d44e, exceptions: { h: "ℎ" } },
  "bold-italic": { upper: 0x1d468, lower: 0x1d482, exceptions: {} },
  script: {
    upper: 0x1d49c, lower: 0x1d4b6,
    exceptions: { B: "ℬ", E: "ℰ", F: "ℱ", H: "ℋ", I: "ℐ", L: "ℒ", M: "ℳ", R: "ℛ", e: "ℯ", g: "ℊ", o: "ℴ" },
  },
  fraktur: { upper: 0x1d504, lower: 0x1d51e, exceptions: { C: "ℭ", H: "ℌ", I: "ℑ", R: "ℜ", Z: "ℨ" } },
  "double-struck": { upper: 0x1d538, lower: 0x1d552, exceptions: { C: "ℂ", H: "ℍ", N: "ℕ", P: "ℙ", Q: "ℚ", R: "ℝ", Z: "ℤ" } },
  "sans-serif": { upper: 0x1d5a0, lower: 0x1d5ba, exceptions: {} },
  "sans-serif-italic": { upper: 0x1d608, lower: 0x1d622, exceptions: {} },
  "sans-serif-bold-italic": { upper: 0x1d63c, lower: 0x1d656, exceptions: {} },
  monospace: { upper: 0x1d670, lower: 0x1d68a, exceptions: {} },
};

/** Bold/italic Greek: the code points of styled capital Alpha and small alpha. */
const GREEK_STYLES: Record<string, [number, number]> = {
  bold: [0x1d6a8, 0x1d6c2], italic: [0x1d6e2, 0x1d6fc], "bold-italic": [0x1d71c, 0x1d736],
};

/** A single Latin or Greek letter in a math alphabet as its Unicode character, or null. */
function styledLetter(letter: string, variant: string): string | null {
  const cp = letter.codePointAt(0)!;
  const greek = GREEK_STYLES[variant];
  if (greek && letter.length === 1 && cp >= 0x391 && cp <= 0x3a9 && cp !== 0x3a2) return String.fromCodePoint(greek[0] + cp - 0x391);
  if (greek && letter.length === 1 && cp >= 0x3b1 && cp <= 0x3c9) return String.fromCodePoint(greek[1] + cp - 0x3b1);
  const style = ALPHANUMERIC[variant];
  if (!style || !/^[A-Za-z]$/.test(letter)) return null;
  if (letter in style.exceptions) return style.exceptions[letter];
  const upper = letter <= "Z";
  const base = upper ? style.upper : style.lower;
  if (base === null) return null;
  return String.fromCodePoint(base + letter.charCodeAt(0) - (upper ? 65 : 97));
}

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ESC[c]);

function serialize(node: MNode, indent: number, out: string[]): void {
  const pad = "  ".repeat(indent);
  const attrs = Object.entries(node.attrs ?? {}).map(([k, v]) => ` ${k}="${esc(v)}"`).join("");
  if (node.children && node.children.length === 0) out.push(`${pad}<${node.tag}${attrs}></${node.tag}>`);
  else if (node.children) {
    out.push(`${pad}<${node.tag}${attrs}>`);
    for (const c of node.children) serialize(c, indent + 1, out);
    out.push(`${pad}</${node.tag}>`);
  } else if (node.raw !== undefined) out.push(`${pad}<${node.tag}${attrs}>${node.raw}</${node.tag}>`);
  else if (node.text !== undefined) out.push(`${pad}<${node.tag}${attrs}>${esc(node.text)}</${node.tag}>`);
  else out.push(`${pad}<${node.tag}${attrs}></${node.tag}>`);
}

/**
 * Converts LaTeX math to a MathML `<math>` element. `env` is "" for inline math, else the
 * display environment ("equation*", "align*", …) the block was assigned.
 */
export function texToMathml(code: string, env: string): string {
  const display = env !== "";
  const parser = new Parser(code, tokenize(code), display);
  let body: MNode[];
  if (display && env.startsWith("align")) {
    body = [{ tag: "mtable", attrs: { class: "ams-align", displaystyle: "true" }, children: toRows(parser.table()) }];
  } else body = parser.sequence(false);
  parser.finish();
  const out = [`<math xmlns="http://www.w3.org/1998/Math/MathML"${display ? ' display="block"' : ""}>`];
  for (const n of body) serialize(n, 1, out);
  out.push("</math>");
  return out.join("\n");
}
