// Previous / next links at the end of every top-level section, so that a
// reader who finished one can go on without the contents. They are written
// into the doctree as raw HTML (the page's internal-link check sees them).
import { Element, Text, type Document } from "../rst/index.ts";
import type { SectionEntry } from "./numbering.ts";
import { escapeHtml } from "../html-text.ts";

export const PAGER_CLASS = "section-pager";


function link(entry: SectionEntry, rel: "prev" | "next"): string {
  const label = rel === "prev" ? "Previous" : "Next";
  return (
    `<a class="pager-${rel}" rel="${rel}" href="#${escapeHtml(entry.id)}">` +
    `<span class="pager-label">${label}</span> <span class="pager-title"><span class="toc-number">${escapeHtml(entry.number)}</span> ${escapeHtml(entry.title)}</span></a>`
  );
}

/** The pager of the top-level section `index` of `toc`: empty when it has no neighbour. */
export function pagerHtml(toc: readonly SectionEntry[], index: number): string {
  const prev = toc[index - 1];
  const next = toc[index + 1];
  if (!prev && !next) return "";
  // Each landmark has a name of its own.
  const label = `Sections before and after ${toc[index].number} ${toc[index].title}`;
  return `<nav class="${PAGER_CLASS}" aria-label="${escapeHtml(label)}">${prev ? link(prev, "prev") : ""}${next ? link(next, "next") : ""}</nav>\n`;
}

/** Appends the pager to every top-level section of the document; returns how many it added. */
export function addSectionPagers(document: Document, toc: readonly SectionEntry[]): number {
  let added = 0;
  toc.forEach((entry, i) => {
    const section = document.findAll("section").find((s) => s.ids.includes(entry.id));
    const html = pagerHtml(toc, i);
    if (!section || !html) return;
    section.append(new Element("raw", { format: "html" }, [new Text(html)]));
    added++;
  });
  return added;
}
