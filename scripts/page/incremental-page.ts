// A page rendered again after its text changed: only the section that holds the
// change when that gives exactly the whole page's rendering (./section-render.ts
// checks it), else the whole page. The previous rendering comes from memory in
// the preview (../serve/cached-stages.ts) and from the stage store in `build`
// (../pipeline/memo/memo-stages.ts); with none, this is the plain page stage.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { MappedText } from "../diagnostics/line-map.ts";
import { renderRst, type RenderRstOptions } from "../render/render-rst.ts";
import type { Document } from "../rst/index.ts";
import { type HighlightMemo, renderPageWithMemo } from "./highlight-memo.ts";
import type { PageInfo, RenderedPage } from "./page.ts";
import { idCounts, type RenderedState, renderChangedSection, tocIds } from "./section-render.ts";

/** A page as rendered, with what a later rendering of one of its sections needs. */
export interface PageRendering {
  /** What the page depends on besides its text (its facts, options and the title styles), as JSON. */
  context: string;
  page: RenderedPage;
  /** Kept while the page has no diagnostics: a page with problems is always rendered whole. */
  state?: RenderedState;
}

export interface PageAgain {
  rendering: PageRendering;
  /** The id of the one section rendered again, when it was one section (neither this nor `fallback`: the text had not changed). */
  section?: string;
  /** Why the previous rendering could not be built on, when there was one to try. */
  fallback?: string;
}

/** What `renderPageAgain` needs beside the text: `titleStyles` are the page's title characters by level. */
export interface PageContext {
  file: string;
  info: PageInfo;
  options: RenderRstOptions;
  titleStyles: readonly string[];
  highlight: HighlightMemo;
}

/** PageRendering.context for a page rendered with `c`. */
export function contextOf(c: PageContext): string {
  return JSON.stringify([c.info, c.options, c.titleStyles]);
}

/** Whether `rendering` is the page of `text` rendered with `c` (the same text and context, and no problem). */
export function isRenderingOf(rendering: PageRendering, text: MappedText, c: PageContext): boolean {
  const lines = rendering.state?.lines;
  return rendering.context === contextOf(c) && lines !== undefined && lines.length === text.lines.length && lines.every((line, i) => line === text.lines[i]);
}

/**
 * The page of `text` built on `previous` alone: the previous rendering itself
 * when the text is the same, the one section that holds the change rendered
 * again, or why neither gives the whole page's rendering.
 */
export function renderSectionAgain(previous: PageRendering, text: MappedText, c: PageContext): { rendering: PageRendering; section?: string } | { fallback: string } {
  const state = previous.context === contextOf(c) ? previous.state : undefined;
  if (!state) return { fallback: previous.state ? "the page's facts or options changed" : "the previous rendering had problems" };
  if (isRenderingOf(previous, text, c)) return { rendering: previous };
  const section = renderChangedSection(text, text.text, state, c.info, c.titleStyles, c.highlight, c.options);
  if ("fallback" in section) return section;
  const page: RenderedPage = { file: c.file, html: section.html, toc: JSON.parse(state.toc), diagnostics: [] };
  return { rendering: { context: previous.context, page, state: { ...state, lines: text.lines, html: section.html, links: section.links } }, section: section.section };
}

/** The page of `text`, built on `previous` (a rendering of an earlier text of the same page) when it can be, else rendered whole. */
export function renderPageAgain(previous: PageRendering | undefined, text: MappedText, c: PageContext): PageAgain {
  const again = previous ? renderSectionAgain(previous, text, c) : undefined;
  if (again && "rendering" in again) return again;
  const r = renderRst(text, c.file.replace(/\.html$/, ".rst"), c.options);
  return { rendering: renderingOf(r.document, r.diagnostics, text, c), fallback: again?.fallback };
}

/** The page of a whole document (the rst stage's, which the page stage changes), with `diagnostics` the rst stage's. */
export function renderingOf(document: Document, diagnostics: readonly Diagnostic[], text: MappedText, c: PageContext): PageRendering {
  const rendered = renderPageWithMemo(document, c.info, (line) => text.originOf(line), c.highlight);
  const page = { ...rendered, diagnostics: [...diagnostics, ...rendered.diagnostics] };
  const state = page.diagnostics.length ? undefined : { lines: text.lines, html: page.html, toc: JSON.stringify(page.toc), sectionIds: tocIds(page.toc), idCounts: idCounts(document) };
  return { context: contextOf(c), page, state };
}
