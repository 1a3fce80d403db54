// The page stage: a transformed doctree becomes a complete HTML page in our theme
// (templating/theme/). Sections are numbered, endpoint titles get method badges,
// code examples are highlighted and tables wrapped, all in the doctree; the engine
// writes the body; the theme's page template adds the header (search box, theme
// toggle), the table of contents and the assets; then every internal link is
// checked. The search index of a page is made from its HTML (search-index.ts).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import { environment as templateEnvironment } from "../compiled-templates.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { type Document, toHtml } from "../rst/index.ts";
import type { Origin } from "../diagnostics/line-map.ts";
import { highlightCodeBlocks } from "./highlight.ts";
import { checkInternalLinks, referenceLines } from "./link-check.ts";
import { addSectionPagers } from "./neighbours.ts";
import { miniSearchBrowserScript, searchIndexFile } from "./search-index.ts";
import { numberSections, type SectionEntry } from "./numbering.ts";
import { wrapTables } from "./tables.ts";

export { THEME_DIR } from "../toolchain-paths.ts";
import { THEME_DIR } from "../toolchain-paths.ts";
import { escapeHtml } from "../html-text.ts";

/** Files of the theme copied beside every page. */
export const THEME_ASSETS = ["theme.css", "theme.js", "search.js", "copy.js", "types.js", "favicon.svg", "version-switcher.css", "version-switcher.js"] as const;

/** MiniSearch's browser build, written beside the pages with the theme's files. */
export const SEARCH_LIBRARY = "minisearch.js";

export interface PageLink {
  href: string;
  label: string;
  current?: boolean;
}

export interface PageInfo {
  /** The file name of the page in its version folder, e.g. `index.html`. */
  file: string;
  /** Shown in the header and the window title; default: the document's title. */
  title?: string;
  version: string;
  gitRev: string;
  /** Links to the other pages of the version and to the list of versions. */
  nav: PageLink[];
}

export interface RenderedPage {
  file: string;
  html: string;
  toc: SectionEntry[];
  diagnostics: Diagnostic[];
}

let environment: nunjucks.Environment | undefined;

/** The environment of the theme's templates (templating/theme/). */
export function theme(): nunjucks.Environment {
  if (!environment) {
    environment = templateEnvironment(THEME_DIR, { noCache: true, autoescape: true, throwOnUndefined: true });
    // Long paths in the contents may break after a slash, not in the middle of a word.
    environment.addFilter("breakAfterSlashes", (value: string) => new nunjucks.runtime.SafeString(escapeHtml(value).replace(/\//g, "/<wbr>")));
  }
  return environment;
}

/** Renders a template of the theme (e.g. `page.njk`) with the given context. */
export function renderTheme(template: string, context: object): string {
  return theme().render(template, context);
}

/** The title of the document (its title node, or its first section's), as text. */
export function documentTitle(document: Document, fallback: string): string {
  const title = document.children.find((c) => c.tagname === "title") ?? document.findAll("title")[0];
  return title ? title.astext().replace(/\s+/g, " ").trim() : fallback;
}

/**
 * The page's meta description: its title and version, then the titles of its
 * top-level sections, cut at a word near 160 characters. Made from titles
 * only, so that the preview, which renders a section again inside a skeleton
 * of the page's titles, gets the same page head.
 */
export function metaDescription(title: string, version: string, toc: readonly SectionEntry[]): string {
  const parts = toc.length === 1 ? toc[0].children : toc;
  const text = `${title}, version ${version}${parts.length ? ": " + parts.map((e) => e.title).join(", ") : ""}.`;
  if (text.length <= 160) return text;
  const cut = text.slice(0, 160);
  return cut.slice(0, cut.lastIndexOf(" ")).replace(/[,;:.]$/, "") + "…";
}

/**
 * Decorates the document (numbers, badges, highlighting, table wrappers), writes
 * it, wraps it in the page template and checks its internal links. `originOf`
 * maps a line of the parsed text to its source, for link errors.
 */
export function renderPage(document: Document, info: PageInfo, originOf: (line: number) => Origin | undefined): RenderedPage {
  const title = info.title ?? documentTitle(document, info.file);
  const links = referenceLines(document);
  const toc = numberSections(document);
  const description = metaDescription(title, info.version, toc);
  addSectionPagers(document, toc);
  highlightCodeBlocks(document);
  wrapTables(document);
  const body = toHtml(document);
  // The writer links a table of contents' title to `#top`, the top of the page as
  // docutils' own page has it; in ours that is the header, `#page-top`.
  const topLinked = /\sid="top"/.test(body) ? body : body.replaceAll('<a class="reference internal" href="#top">', '<a class="reference internal" href="#page-top">');
  const html = renderTheme("page.njk", { ...info, title, description, toc, body: topLinked, searchIndex: searchIndexFile(info.file) });
  const diagnostics = checkInternalLinks(html, info.file, (fragment) => {
    const line = links.get(fragment);
    return line ? originOf(line) : undefined;
  });
  return { file: info.file, html, toc, diagnostics };
}

/** The theme's asset files, by name, to copy beside the pages; `cacheDir` keeps the minified search library (undefined: made afresh). */
export function themeAssets(cacheDir: string | undefined): Map<string, string> {
  const assets = new Map<string, string>(THEME_ASSETS.map((name) => [name, readFileSync(join(THEME_DIR, name), "utf8")]));
  assets.set(SEARCH_LIBRARY, miniSearchBrowserScript(cacheDir));
  return assets;
}
