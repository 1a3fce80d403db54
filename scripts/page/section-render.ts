// Re-rendering one section of a page instead of the whole page, when an edit
// stays inside that section's body. The section is parsed together with a
// skeleton of the rest of the document: every title (so the title levels, the
// section ids, the numbering and the names that references use are those of the
// whole document), every hyperlink target and every substitution definition; the
// rest of the prose is left out. The section's HTML is then cut out of that
// rendering and put in place of its old HTML in the previous page.
//
// It is used only when the result is the same as rendering the whole page, and
// that is checked each time; anything else falls back to the whole page:
//   - the document has nothing whose effect reaches across the page other than
//     titles, targets and substitutions (no contents, sectnum, header, footer,
//     target-notes or title directives, no auto-numbered or symbol footnotes, no
//     anonymous targets, no inline targets);
//   - the titles are the same as before and no title line was edited;
//   - the partial rendering reports nothing and generates the same ids as the
//     whole page (see idCounts);
//   - its contents (the section tree with numbers and ids), and the page around
//     the sections, are exactly the previous page's;
//   - the new page's internal links all resolve.
import { MappedText } from "../diagnostics/line-map.ts";
import { internalLinks } from "./link-check.ts";
import type { PageInfo } from "./page.ts";
import { renderRst, type RenderRstOptions } from "../render/render-rst.ts";
import { findTitles, type TitleLine } from "../assemble/titles.ts";
import { type HighlightMemo, renderPageWithMemo } from "./highlight-memo.ts";

/** What a previous whole rendering of a page left to build on. */
export interface RenderedState {
  lines: readonly string[];
  html: string;
  /** JSON of the page's contents (RenderedPage.toc). */
  toc: string;
  /** The first id of each section, in document order, as the contents lists them. */
  sectionIds: string[];
  /** idCounts() of the whole page's document. */
  idCounts: string;
  /** The ids and internal links of `html`, once known. */
  links?: PageLinks;
}

export type PageLinks = ReturnType<typeof internalLinks>;

/**
 * How many ids the document generated, by prefix (e.g. `signing-json-` for a
 * title whose name a target already has). The section's rendering must generate
 * exactly the whole page's: it holds a subset of the page's names, so equal
 * counts mean that nothing left out generated an id, and every generated id is
 * made in the same order from the same names.
 */
export function idCounts(document: { idCounter: Map<string, number> }): string {
  return JSON.stringify([...document.idCounter].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

const DOCUMENT_WIDE = /^\s*\.\. +(contents|sectnum|section-numbering|header|footer|target-notes|title)::/m;
const AUTO_FOOTNOTE = /\[#[^\]]*\]_|\[\*\]_|^\s*\.\. +\[[#*]/m;
const ANONYMOUS_TARGET = /^\s*(\.\. +__:|__ )/m;
const TARGET = /^(\s*)\.\. +_[^_]/;
const SUBSTITUTION = /^(\s*)\.\. +\|/;

/** Whether the text has an inline target (_`name`) outside inline literals. */
function hasInlineTarget(lines: readonly string[]): boolean {
  return lines.some((l) => l.includes("_`") && /(^|[\s(\[{<'"])_`/.test(l.replace(/``.*?``/g, "")));
}

/** Whether the whole document allows section rendering at all. */
export function sectionRenderable(text: string, lines: readonly string[]): boolean {
  return !DOCUMENT_WIDE.test(text) && !AUTO_FOOTNOTE.test(text) && !ANONYMOUS_TARGET.test(text) && !hasInlineTarget(lines);
}

interface Span {
  /** Index in the list of titles. */
  title: number;
  /** First line (the overline, or the title text). */
  start: number;
  /** One past the last line. */
  end: number;
}

const titleStart = (t: TitleLine) => t.overline ?? t.underline - 1;

/** The section of each title: from its first line to the next title at its level or above. */
function sectionSpans(titles: readonly TitleLine[], levels: readonly number[], lineCount: number): Span[] {
  return titles.map((t, i) => {
    let end = lineCount;
    for (let k = i + 1; k < titles.length; k++) {
      if (levels[k] <= levels[i]) {
        end = titleStart(titles[k]);
        break;
      }
    }
    return { title: i, start: titleStart(t), end };
  });
}

/** The lines of a directive-like block: the line and the more indented (or blank-separated indented) lines after it. */
function blockEnd(lines: readonly string[], start: number, indent: number): number {
  let i = start + 1;
  while (i < lines.length) {
    const l = lines[i];
    if (l.trim() === "") {
      let k = i;
      while (k < lines.length && lines[k].trim() === "") k++;
      if (k < lines.length && lines[k].length - lines[k].trimStart().length > indent) {
        i = k;
        continue;
      }
      break;
    }
    if (l.length - l.trimStart().length <= indent) break;
    i++;
  }
  return i;
}

const SUMMARY_DIRECTIVE = /^\.\. +class:: +operation-summary\s*$/;

/** The `.. class:: operation-summary` directive after a title and the paragraph it applies to, as [start, end) lines. */
function summaryAfter(lines: readonly string[], from: number): { start: number; end: number } | undefined {
  let k = from;
  while (k < lines.length && lines[k].trim() === "") k++;
  if (k >= lines.length || !SUMMARY_DIRECTIVE.test(lines[k])) return undefined;
  const start = k;
  k++;
  while (k < lines.length && lines[k].trim() === "") k++;
  while (k < lines.length && lines[k].trim() !== "") k++;
  return { start, end: k };
}

/**
 * The skeleton of `lines` with the lines of `keep` (a section) in full: titles
 * (with an operation's summary), targets and substitution definitions elsewhere. A target that does not stand
 * right before a title gets a placeholder paragraph, so that it does not attach
 * to the next title of the skeleton.
 */
function skeleton(lines: readonly string[], titles: readonly TitleLine[], keep: Span): string {
  const titleLines = new Map<number, TitleLine>();
  for (const t of titles) titleLines.set(titleStart(t), t);
  const out: string[] = [];
  const nextIsTitle = (from: number) => {
    let k = from;
    while (k < lines.length && lines[k].trim() === "") k++;
    return titleLines.has(k) || (k >= keep.start && k < keep.end && k === keep.start);
  };
  let i = 0;
  while (i < lines.length) {
    if (i === keep.start) {
      out.push("");
      for (let k = keep.start; k < keep.end; k++) out.push(lines[k]);
      out.push("");
      i = keep.end;
      continue;
    }
    const t = titleLines.get(i);
    if (t) {
      out.push("");
      for (let k = i; k <= t.underline; k++) out.push(lines[k]);
      out.push("");
      i = t.underline + 1;
      // An operation's summary goes with its title: the page shows it in the heading and the contents.
      const summary = summaryAfter(lines, i);
      if (summary) {
        for (let k = summary.start; k < summary.end; k++) out.push(lines[k]);
        out.push("");
        i = summary.end;
      }
      continue;
    }
    const m = TARGET.exec(lines[i]) ?? SUBSTITUTION.exec(lines[i]);
    if (m) {
      const indent = m[1].length;
      const end = blockEnd(lines, i, indent);
      out.push("");
      for (let k = i; k < end; k++) out.push(lines[k].slice(Math.min(indent, lines[k].length - lines[k].trimStart().length)));
      out.push("");
      if (TARGET.test(lines[i]) && !nextIsTitle(end)) out.push("x", "");
      i = end;
      continue;
    }
    i++;
  }
  return out.join("\n") + "\n";
}

/** The HTML of the section element whose id is `id` (with what it holds), as [start, end) in `html`. */
function sectionRange(html: string, id: string): [number, number] | undefined {
  const open = `<section id="${id.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`;
  const start = html.indexOf(open);
  if (start === -1 || html.indexOf(open, start + 1) !== -1) return undefined;
  const tags = /<section[\s>]|<\/section>/g;
  tags.lastIndex = start + 1;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0] === "</section>" ? -1 : 1;
    if (depth === 0) return [start, m.index + m[0].length];
  }
  return undefined;
}

export interface SectionRenderResult {
  html: string;
  /** The id of the section that was rendered again. */
  section: string;
  links: PageLinks;
}

/**
 * The page for `text` made by rendering again only the section that holds every
 * changed line; `fallback` says why that cannot be done exactly (the caller then
 * renders the whole page).
 */
export function renderChangedSection(
  text: MappedText,
  /** `text.text`, which the caller has already. */
  joined: string,
  previous: RenderedState,
  info: PageInfo,
  titleStyles: readonly string[],
  memo: HighlightMemo,
  options: RenderRstOptions = {},
): SectionRenderResult | { fallback: string } {
  const lines = text.lines;
  const old = previous.lines;
  // The changed lines: what lies between the common beginning and the common end.
  let first = 0;
  while (first < lines.length && first < old.length && lines[first] === old[first]) first++;
  if (first === lines.length && first === old.length) return { fallback: "nothing changed" };
  let tailNew = lines.length;
  let tailOld = old.length;
  while (tailNew > first && tailOld > first && lines[tailNew - 1] === old[tailOld - 1]) {
    tailNew--;
    tailOld--;
  }
  const titles = findTitles(lines);
  const oldTitles = findTitles(old);
  if (titles.length !== oldTitles.length) return { fallback: "titles added or removed" };
  if (titles.length !== previous.sectionIds.length) return { fallback: "title-like lines that are not sections" };
  const shift = lines.length - old.length;
  for (let i = 0; i < titles.length; i++) {
    const a = titles[i];
    const b = oldTitles[i];
    if (a.char !== b.char || (a.overline === undefined) !== (b.overline === undefined)) return { fallback: "a title changed" };
    const titleLines = (t: TitleLine, ls: readonly string[]) => ls.slice(titleStart(t), t.underline + 1).join("\n");
    if (titleLines(a, lines) !== titleLines(b, old)) return { fallback: "a title changed" };
    // A title inside the changed lines may have been edited or moved: not a body edit.
    if (a.underline >= first && titleStart(a) < tailNew) return { fallback: "the edit touches a title" };
    if (titleStart(a) >= tailNew && titleStart(a) - shift !== titleStart(b)) return { fallback: "titles moved" };
    if (titleStart(a) < first && titleStart(a) !== titleStart(b)) return { fallback: "titles moved" };
  }
  if (!sectionRenderable(joined, lines)) return { fallback: "the document has page-wide constructs" };
  const levels = titles.map((t) => titleStyles.indexOf(t.char));
  if (levels.some((l) => l < 0)) return { fallback: "unknown title style" };
  // The innermost section holding every changed line, and the line before them: lines
  // removed or added where one section ends and the next begins belong to both.
  const spans = sectionSpans(titles, levels, lines.length);
  const from = Math.max(0, first - 1);
  const last = Math.max(first, tailNew - 1);
  let span: Span | undefined;
  for (const s of spans) if (s.start <= from && last < s.end && (!span || s.start >= span.start)) span = s;
  if (!span) return { fallback: "the edit is outside every section" };

  const partial = new MappedText(skeleton(lines, titles, span).split("\n").slice(0, -1), []);
  const rendered = renderRst(partial, info.file.replace(/\.html$/, ".rst"), options);
  if (rendered.diagnostics.length) return { fallback: `the section alone has problems: ${rendered.diagnostics[0].message}` };
  if (idCounts(rendered.document) !== previous.idCounts) return { fallback: "generated ids differ from the whole page's" };
  const page = renderPageWithMemo(rendered.document, info, () => undefined, memo);
  if (page.diagnostics.length) return { fallback: `the section alone has problems: ${page.diagnostics[0].message}` };
  if (JSON.stringify(page.toc) !== previous.toc) return { fallback: "the contents differ" };
  const id = previous.sectionIds[span.title];
  const fresh = sectionRange(page.html, id);
  const stale = sectionRange(previous.html, id);
  if (!fresh || !stale) return { fallback: "the section is not found in the HTML" };
  // The page around the sections (header, contents, footer) must be the previous one.
  const firstSection = (h: string) => h.indexOf("<section");
  const lastSection = (h: string) => h.lastIndexOf("</section>");
  if (page.html.slice(0, firstSection(page.html)) !== previous.html.slice(0, firstSection(previous.html))) return { fallback: "the page head differs" };
  if (page.html.slice(lastSection(page.html)) !== previous.html.slice(lastSection(previous.html))) return { fallback: "the page end differs" };
  const html = previous.html.slice(0, stale[0]) + page.html.slice(fresh[0], fresh[1]) + previous.html.slice(stale[1]);
  // The page's ids and links, updated by what the section took away and brought
  // (the same as scanning the new page: ids are unique in a page).
  const before = previous.links ?? internalLinks(previous.html);
  const removed = internalLinks(previous.html.slice(stale[0], stale[1]));
  const added = internalLinks(page.html.slice(fresh[0], fresh[1]));
  const ids = new Set(before.ids);
  for (const i of removed.ids) ids.delete(i);
  for (const i of added.ids) ids.add(i);
  const fragments = new Map(before.fragments);
  for (const [f, n] of removed.fragments) fragments.set(f, (fragments.get(f) ?? 0) - n);
  for (const [f, n] of added.fragments) fragments.set(f, (fragments.get(f) ?? 0) + n);
  for (const [f, n] of fragments) {
    if (n <= 0) fragments.delete(f);
    else if (f !== "" && !ids.has(f)) return { fallback: "broken internal links" };
  }
  return { html, section: id, links: { ids, fragments } };
}

/** The first id of every section in the contents, in document order. */
export function tocIds(toc: readonly { id: string; children: readonly unknown[] }[]): string[] {
  const out: string[] = [];
  const walk = (entries: readonly { id: string; children: readonly unknown[] }[]) => {
    for (const e of entries) {
      out.push(e.id);
      walk(e.children as { id: string; children: readonly unknown[] }[]);
    }
  };
  walk(toc);
  return out;
}
