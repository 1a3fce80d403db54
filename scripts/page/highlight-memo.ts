// The page stage of the build (../build/page/page.ts renderPage), with the
// highlighting of code examples remembered by language and text: after an edit
// most examples are the same, and highlighting them is a large part of this
// stage's time. The rest is the build's own renderPage; the preview's tests
// compare its pages with `matrix-doc build`'s.
import { Text, type Document } from "../rst/index.ts";
import type { Origin } from "../diagnostics/line-map.ts";
import { highlightCode, replaceWithHighlighted } from "./highlight.ts";
import { type PageInfo, type RenderedPage, renderPage } from "./page.ts";


/** highlightCode, remembered. Entries not used by the last page are dropped by `sweep`. */
export class HighlightMemo {
  private entries = new Map<string, string | undefined>();
  private used = new Map<string, string | undefined>();

  highlight(code: string, language: string): string | undefined {
    const key = language + "\u0000" + code;
    let html = this.used.get(key);
    if (html === undefined && !this.used.has(key)) {
      html = this.entries.has(key) ? this.entries.get(key) : highlightCode(code, language);
      this.used.set(key, html);
    }
    return html;
  }

  /** Keeps only what was used since the last sweep. */
  sweep(): void {
    this.entries = this.used;
    this.used = new Map();
  }
}

/** ../build/page/highlight.ts highlightCodeBlocks, through the memo. */
function highlightCodeBlocks(document: Document, memo: HighlightMemo): void {
  for (const block of document.findAll("literal_block")) {
    const classes = block.classes;
    if (!classes.includes("code")) continue;
    let language: string | undefined;
    let html: string | undefined;
    for (const c of classes) {
      if (c === "code") continue;
      if (!block.children.every((n) => n instanceof Text)) break;
      html = memo.highlight(block.astext(), c);
      if (html !== undefined) {
        language = c;
        break;
      }
    }
    if (!language || html === undefined) continue;
    replaceWithHighlighted(block, classes, language, html);
  }
}

/**
 * renderPage of ../build/page/page.ts with the code examples highlighted through
 * `memo` first (renderPage then finds none left to highlight).
 */
export function renderPageWithMemo(document: Document, info: PageInfo, originOf: (line: number) => Origin | undefined, memo: HighlightMemo): RenderedPage {
  highlightCodeBlocks(document, memo);
  return renderPage(document, info, originOf);
}
