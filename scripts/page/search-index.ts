// The offline search of a page: a MiniSearch index of its sections, made at
// build time from the page's HTML and written beside it as a script
// (`index.search.js` for `index.html`), which theme.js loads with MiniSearch
// itself the first time the reader searches. A script rather than JSON, so
// that it loads from file:// too, where fetch() is refused.
//
// One document per section: its heading (number left out), an operation's
// summary, and the section's own text (up to the first subsection, code
// examples left out: the tables already name every field).
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import MiniSearch from "minisearch";
import { decodeAttribute } from "./link-check.ts";

/**
 * The options shared by the build (indexing) and search.js (loading and
 * searching). Nothing is stored with the documents: the results take each
 * section's number and title from the page's contents.
 */
export const SEARCH_OPTIONS = {
  idField: "id",
  fields: ["title", "summary", "text"],
  storeFields: [],
} as const;

/**
 * Words too common to help find a section, left out of the index (and of the
 * queries, by search.js): they would make a third of its size.
 */
export const STOP_WORDS = (
  "a an and are as at be been but by can do does each for from has have how if in into is it its may must no not of on " +
  "or should so such than that the their them then there these they this those to was were what when where which who will with"
).split(" ");

const STOP = new Set(STOP_WORDS);

/** Lower case, stop words dropped: the same in search.js. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return STOP.has(t) ? null : t;
}

/** The global the index script assigns. */
export const SEARCH_GLOBAL = "MATRIX_DOC_SEARCH";

/** At most this many words of a section's own text are indexed. */
const MAX_WORDS = 150;

export interface SearchDocument {
  id: string;
  number: string;
  title: string;
  summary: string;
  text: string;
}

/** The name of the index script of a page: `index.html` → `index.search.js`. */
export function searchIndexFile(page: string): string {
  return page.replace(/\.html$/, "") + ".search.js";
}

function textOf(html: string): string {
  return decodeAttribute(
    html
      .replace(/<pre[\s>][\s\S]*?<\/pre>/g, " ")
      .replace(/<wbr>/g, "")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

const SECTION_TAG = /<section\b[^>]*?\sid="([^"]*)"[^>]*>|<\/section>/g;

/** The sections of a page as search documents, in page order. */
export function searchDocuments(html: string): SearchDocument[] {
  // Each open section: its id, and where its own text starts (its first child section ends it).
  interface OpenSection {
    id: string;
    start: number;
    ownEnd?: number;
    order: number;
  }
  const open: OpenSection[] = [];
  const found: (SearchDocument & { order: number })[] = [];
  let order = 0;
  const finish = (section: OpenSection, end: number) => {
    const own = html.slice(section.start, section.ownEnd ?? end);
    const heading = /<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/.exec(own);
    const headingHtml = heading ? heading[1] : "";
    const number = /<span class="section-number">([^<]*)<\/span>/.exec(headingHtml)?.[1] ?? "";
    const summaryHtml = /<span class="operation-summary">([\s\S]*?)<\/span>(?=<span class="operation-route">)/.exec(headingHtml)?.[1] ?? "";
    const title = textOf(
      headingHtml
        .replace(/<span class="section-number">[^<]*<\/span>/, "")
        .replace(/<span class="operation-summary">[\s\S]*?<\/span>(?=<span class="operation-route">)/, "")
        .replace(/<a class="self-link"[^>]*><\/a>/, ""),
    );
    const body = heading ? own.slice(heading.index + heading[0].length) : own;
    const words = textOf(body).split(" ");
    found.push({ order: section.order, id: decodeAttribute(section.id), number, title, summary: textOf(summaryHtml), text: words.slice(0, MAX_WORDS).join(" ") });
  };
  for (const m of html.matchAll(SECTION_TAG)) {
    if (m[1] !== undefined) {
      const parent = open[open.length - 1];
      if (parent && parent.ownEnd === undefined) parent.ownEnd = m.index;
      open.push({ id: m[1], start: m.index + m[0].length, order: order++ });
    } else {
      const section = open.pop();
      if (section) finish(section, m.index);
    }
  }
  return found.sort((a, b) => a.order - b.order).map(({ order: _, ...document }) => document);
}

/** The MiniSearch index of a page's sections. */
export function searchIndex(html: string): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>({ ...SEARCH_OPTIONS, fields: [...SEARCH_OPTIONS.fields], storeFields: [], processTerm });
  index.addAll(searchDocuments(html));
  return index;
}

/** The index script of a page: assigns the serialized index and its options to a global. */
export function searchIndexScript(html: string): string {
  const data = { options: SEARCH_OPTIONS, stopWords: STOP_WORDS, index: searchIndex(html).toJSON() };
  // JSON is valid JavaScript; "</" is escaped in case the script is ever inlined.
  return `window.${SEARCH_GLOBAL} = ${JSON.stringify(data).replace(/<\//g, "<\\/")};\n`;
}

let browserScript: string | undefined;

/**
 * MiniSearch's browser build (UMD, defines `MiniSearch`), minified by esbuild
 * (a third of its size over the wire), to be copied beside the pages as
 * `minisearch.js`. Its licence comment is kept; its source map comment is not:
 * nothing may ask for a file that is not there. Minifying takes a good part of
 * a build's writing, so the result is kept in the cache folder, under the two
 * libraries' versions.
 */
export function miniSearchBrowserScript(cacheDir: string | undefined): string {
  const require = createRequire(import.meta.url);
  const version = packageVersion(require, "minisearch");
  const kept = cacheDir && join(cacheDir, `minisearch-${version}-esbuild-${packageVersion(require, "esbuild")}.js`);
  browserScript ??= (kept && readKept(kept)) || minified(require, version);
  if (kept) keep(kept, browserScript);
  return browserScript;
}

function minified(require: NodeJS.Require, version: string): string {
  const { transformSync } = require("esbuild") as typeof import("esbuild");
  const umd = join(dirname(require.resolve("minisearch")), "..", "umd", "index.js");
  const source = readFileSync(umd, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
  return `/* MiniSearch ${version}, MIT licence, https://github.com/lucaong/minisearch */\n` + transformSync(source, { minify: true, target: "es2018", legalComments: "none" }).code;
}

function packageVersion(require: NodeJS.Require, name: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, "package.json")) || (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string }).name !== name) {
    if (dirname(dir) === dir) return "unknown";
    dir = dirname(dir);
  }
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}

function readKept(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Written whole or not at all; a cache folder that cannot be written only costs the next build the minifying. */
function keep(path: string, text: string): void {
  if (readKept(path) === text) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.${process.pid}.tmp`, text);
    renameSync(`${path}.${process.pid}.tmp`, path);
  } catch {
    // read-only or full: nothing kept
  }
}

/** The index script of the last HTML of each page, made again only when the HTML changed (the preview). */
export class SearchIndexMemo {
  private readonly last = new Map<string, { html: string; script: string }>();

  of(html: string, page = "page"): string {
    const hit = this.last.get(page);
    if (hit && hit.html === html) return hit.script;
    const script = searchIndexScript(html);
    this.last.set(page, { html, script });
    return script;
  }
}
