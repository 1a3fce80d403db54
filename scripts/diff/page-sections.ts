// The sections of a built page, as text: each `<section id>` of the HTML the
// build wrote, with its title and the text of its own content (its subsections
// are sections of their own). Section numbers are left out, so that a section
// inserted earlier in the document does not make every later one differ.
export interface PageSection {
  id: string;
  title: string;
  /** Nesting depth, 1 for a top section. */
  depth: number;
  /** The rendered text, one line per block (paragraph, list item, table row, ...). */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", "#39": "'" };

export function htmlText(html: string): string {
  return html
    .replace(/<span class="section-number">[^<]*<\/span>/g, "")
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<\/(p|li|h[1-6]|pre|tr|dt|dd|div|table|blockquote)>|<br\s*\/?>/gi, "\n")
    .replace(/<\/t[dh]>/gi, " \t ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
      if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      return ENTITIES[e] ?? m;
    })
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

export function pageSections(html: string): PageSection[] {
  const sections: { id: string; depth: number; parts: string[] }[] = [];
  const stack: { id: string; depth: number; parts: string[] }[] = [];
  const tag = /<section\b[^>]*?\bid="([^"]*)"[^>]*>|<\/section>/g;
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    stack[stack.length - 1]?.parts.push(html.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      const s = { id: m[1], depth: stack.length + 1, parts: [] as string[] };
      sections.push(s);
      stack.push(s);
    } else {
      stack.pop();
    }
  }
  return sections.map((s) => {
    const own = s.parts.join("");
    const heading = /<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/.exec(own);
    // Parts of a title written side by side (an operation's summary, then its route) are separate words.
    const title = heading ? htmlText(heading[1].replace(/<\/span>\s*<span/g, "</span> <span")).replace(/\n/g, " ") : s.id;
    return { id: s.id, depth: s.depth, title, text: htmlText(own) };
  });
}
