// What changed between two versions of a page's HTML, as the smallest
// `<section id="…">` that holds every difference in both: the preview sends that
// section alone, and the open page morphs just it. When the difference is not
// inside one section (a title changed the contents, a section was added), there
// is no such section and the page morphs as a whole.

export interface ChangedSection {
  id: string;
  /** The new HTML of the section, `<section …>…</section>`. */
  html: string;
}

interface Span {
  id: string;
  start: number;
  end: number;
}

/** Every `<section id="…">…</section>` of the HTML, with where it starts and ends. */
function sections(html: string): Span[] {
  const spans: Span[] = [];
  const open: { id: string; start: number }[] = [];
  const tags = /<section\b[^>]*?(?:\sid="([^"]*)")?[^>]*>|<\/section>/g;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (m[0].startsWith("</")) {
      const top = open.pop();
      if (top && top.id) spans.push({ id: top.id, start: top.start, end: m.index + m[0].length });
    } else open.push({ id: m[1] ?? "", start: m.index });
  }
  return spans;
}

/** The smallest section of `html` around [from, to), or undefined. */
function around(spans: readonly Span[], from: number, to: number): Span | undefined {
  let best: Span | undefined;
  for (const s of spans) if (s.start <= from && s.end >= to && (!best || s.end - s.start < best.end - best.start)) best = s;
  return best;
}

export function changedSection(before: string, after: string): ChangedSection | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const inAfter = around(sections(after), prefix, after.length - suffix);
  const inBefore = around(sections(before), prefix, before.length - suffix);
  if (!inAfter || !inBefore || inAfter.id !== inBefore.id) return undefined;
  return { id: inAfter.id, html: after.slice(inAfter.start, inAfter.end) };
}
