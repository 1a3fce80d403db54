// The html5 writer: the `html_body` part of docutils' html5 writer for a (transformed)
// doctree — from the header decoration and `<main>` to the footer. The per-node rules
// live in `visitors/` (one file per family); the walk and tag building in `writer.ts`.
import type { Document } from "../document.ts";
import { applyWriterTransforms } from "../transforms/messages.ts";
import { DEFAULT_WRITER_SETTINGS, HtmlWriter, type WriterSettings } from "./writer.ts";
import { VISITORS } from "./visitors/index.ts";

export { DEFAULT_WRITER_SETTINGS, type WriterSettings } from "./writer.ts";

/**
 * Renders `document` as docutils' html5 `html_body`. Like docutils' writer, it first applies
 * the writer transforms to the document (Messages: transform messages not in the tree go to
 * a final "Docutils System Messages" section; FilterMessages: messages below WARNING are removed).
 * Writer settings are taken from `settings`, then from the document's settings, then the defaults.
 */
export function toHtml(document: Document, settings: Partial<WriterSettings> = {}): string {
  applyWriterTransforms(document);
  // Writer settings may also come with the document's settings (as docutils keeps all settings together).
  const fromDocument: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_WRITER_SETTINGS)) {
    if (document.settings[key] !== undefined) fromDocument[key] = document.settings[key];
  }
  const writer = new HtmlWriter(document, { ...(fromDocument as Partial<WriterSettings>), ...settings });
  writer.walk(document, VISITORS);
  return writer.output;
}
