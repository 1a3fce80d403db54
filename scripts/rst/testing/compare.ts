// How our outputs are compared with docutils' (rst-conformance/README.md):
// pseudo-XML line by line after dropping trailing spaces and trailing empty lines;
// HTML as a stream of normalized tokens.

/** Pseudo-XML lines with trailing spaces and trailing empty lines removed. */
export function normalizePseudoXml(s: string): string[] {
  const lines = s.split("\n").map((l) => l.replace(/[ \t]+$/, ""));
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", copy: "\u00a9",
  reg: "\u00ae", trade: "\u2122", hellip: "\u2026", mdash: "\u2014", ndash: "\u2013",
  lsquo: "\u2018", rsquo: "\u2019", ldquo: "\u201c", rdquo: "\u201d", laquo: "\u00ab",
  raquo: "\u00bb", shy: "\u00ad", zwj: "\u200d", zwnj: "\u200c", thinsp: "\u2009",
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (m, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      try {
        return String.fromCodePoint(code);
      } catch {
        return m;
      }
    }
    return NAMED_ENTITIES[body] ?? m;
  });
}

/**
 * HTML as comparison tokens: a tag is its name with its attributes sorted; text has
 * whitespace runs collapsed and is trimmed (kept as is inside <pre>); whitespace-only
 * text outside <pre> is dropped; adjacent text tokens are joined; entities decoded.
 */
export function htmlTokens(html: string): string[] {
  const tokens: string[] = [];
  let pre = 0;
  let i = 0;
  let textBuf = "";
  const flushText = () => {
    if (!textBuf) return;
    let t = decodeEntities(textBuf);
    textBuf = "";
    if (pre === 0) {
      t = t.replace(/\s+/g, " ").trim();
      if (!t) return;
    }
    const last = tokens.length - 1;
    if (last >= 0 && tokens[last].startsWith("#text ")) tokens[last] += pre ? t : " " + t;
    else tokens.push("#text " + t);
  };
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      textBuf += html.slice(i);
      break;
    }
    textBuf += html.slice(i, lt);
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const gt = findTagEnd(html, lt);
    const raw = html.slice(lt + 1, gt);
    i = gt + 1;
    if (!/^\/?[a-zA-Z!]/.test(raw)) {
      textBuf += "<" + raw + ">";
      continue;
    }
    flushText();
    const closing = raw.startsWith("/");
    const body = closing ? raw.slice(1) : raw.replace(/\/$/, "");
    const nameMatch = /^[^\s/>]+/.exec(body);
    const name = (nameMatch ? nameMatch[0] : "").toLowerCase();
    if (closing) {
      if (name === "pre" && pre > 0) pre--;
      tokens.push(`</${name}>`);
      continue;
    }
    const attrs: string[] = [];
    const attrRe = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
    const rest = body.slice(name.length);
    let m: RegExpExecArray | null;
    while ((m = attrRe.exec(rest))) {
      const value = m[2] ?? m[3] ?? m[4];
      attrs.push(value === undefined ? m[1].toLowerCase() : `${m[1].toLowerCase()}="${decodeEntities(value)}"`);
    }
    attrs.sort();
    tokens.push(`<${[name, ...attrs].join(" ")}>`);
    if (name === "pre") pre++;
  }
  flushText();
  return tokens;
}

function findTagEnd(html: string, lt: number): number {
  let quote = "";
  for (let j = lt + 1; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return j;
  }
  return html.length;
}

/** Similarity of two sequences: 2·LCS / (|a| + |b|), as difflib's ratio roughly measures. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  // Trim the common prefix and suffix first: most failures differ in a few lines.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const common = start + (a.length - endA);
  const ma = a.slice(start, endA);
  const mb = b.slice(start, endB);
  let lcs = 0;
  if (ma.length && mb.length) {
    if (ma.length * mb.length > 4_000_000) {
      const setB = new Set(mb);
      lcs = ma.filter((x) => setB.has(x)).length;
      lcs = Math.min(lcs, mb.length);
    } else {
      let prev = new Uint32Array(mb.length + 1);
      let cur = new Uint32Array(mb.length + 1);
      for (let i = 1; i <= ma.length; i++) {
        for (let j = 1; j <= mb.length; j++) {
          cur[j] = ma[i - 1] === mb[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
        }
        [prev, cur] = [cur, prev];
      }
      lcs = prev[mb.length];
    }
  }
  return (2 * (common + lcs)) / (a.length + b.length);
}

/** A unified-style listing of the first differing region, for humans. */
export function firstDifference(expected: readonly string[], actual: readonly string[], context = 3): string {
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
  const from = Math.max(0, i - context);
  const out: string[] = [];
  for (let k = from; k < i; k++) out.push("  " + expected[k]);
  for (let k = i; k < Math.min(expected.length, i + 8); k++) out.push("- " + expected[k]);
  for (let k = i; k < Math.min(actual.length, i + 8); k++) out.push("+ " + actual[k]);
  return out.join("\n");
}
