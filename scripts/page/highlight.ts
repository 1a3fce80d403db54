// Code examples highlighted at build time: a `.. code:: json` (or http, ...)
// block, which the engine turns into a literal_block with classes
// ["code", "json"], is replaced by the same <pre> with highlight.js's markup
// inside; so is a plain `::` block that holds valid JSON. The text stays
// escaped; nothing is highlighted in the browser.
import { escapeHtml } from "../html-text.ts";
import hljs from "highlight.js/lib/core";
import type { HLJSApi, Language } from "highlight.js";
import bash from "highlight.js/lib/languages/bash";
import http from "highlight.js/lib/languages/http";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import yaml from "highlight.js/lib/languages/yaml";
import { Element, Text, type Document } from "../rst/index.ts";

const LANGUAGES = { json, http: httpWithJsonBodies, javascript, yaml, bash, python };
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);

/**
 * highlight.js's HTTP, whose message bodies are JSON or plain text. The library
 * guesses a body's language among all the registered ones, which is slow (most
 * of the highlighting time of a page) and sometimes wrong: a JSON body was
 * coloured as shell. The spec's bodies are JSON; anything else stays plain.
 */
function httpWithJsonBodies(api: HLJSApi): Language {
  const language = http(api);
  const guessed = (mode: object): mode is { subLanguage: string[] } => Array.isArray((mode as { subLanguage?: unknown }).subLanguage) && (mode as { subLanguage: unknown[] }).subLanguage.length === 0;
  const seen = new Set<object>();
  const visit = (mode: unknown): void => {
    if (typeof mode !== "object" || mode === null || seen.has(mode)) return;
    seen.add(mode);
    if (guessed(mode)) mode.subLanguage = ["json"];
    for (const value of Object.values(mode)) visit(value);
  };
  visit(language);
  return language;
}


/** highlight.js's HTML for `code` in `language` (escaped text in spans); undefined for an unknown language. */
export function highlightCode(code: string, language: string): string | undefined {
  if (!hljs.getLanguage(language)) return undefined;
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}

/** Whether a plain literal block (`::`) holds a JSON object or array: such examples are highlighted as JSON too. */
function isJson(text: string): boolean {
  const t = text.trim();
  if (!/^[[{]/.test(t)) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/** Replaces every highlightable code block of the document by raw HTML; returns how many. */
export function highlightCodeBlocks(document: Document): number {
  let count = 0;
  for (const block of document.findAll("literal_block")) {
    const classes = block.classes;
    const language = classes.includes("code") ? classes.find((c) => c !== "code" && hljs.getLanguage(c)) : isJson(block.astext()) ? "json" : undefined;
    if (!language) continue;
    // Only plain text blocks: one the engine has already split into tokens is left alone.
    if (!block.children.every((c) => c instanceof Text)) continue;
    replaceWithHighlighted(block, classes, language, highlightCode(block.astext(), language)!);
    count++;
  }
  return count;
}

/** Puts highlighted HTML in place of a literal block, as a raw node that keeps the block's id, classes and line. */
export function replaceWithHighlighted(block: Element, classes: readonly string[], language: string, html: string): void {
  const id = block.ids[0] ? ` id="${escapeHtml(block.ids[0])}"` : "";
  const pre = `<pre class="${escapeHtml([...classes, "literal-block"].join(" "))}"${id}><code class="hljs language-${escapeHtml(language)}">${html}</code></pre>\n`;
  const raw = new Element("raw", { format: "html", "xml:space": "preserve" }, [new Text(pre)]);
  raw.source = block.source;
  raw.line = block.line;
  block.replaceSelf(raw);
}
