// The rst stage: the templated text parsed and transformed by our engine
// (docutils' publish_doctree). Every system message of level WARNING or above
// becomes an error at the file and line that produced it. Code blocks are left
// as plain text (syntax_highlight "none"); the page stage highlights them.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { type Document, publishDoctree } from "../rst/index.ts";
import type { MappedText } from "../diagnostics/line-map.ts";
import { rstDiagnostic } from "../diagnostics/rst-messages.ts";

export function renderRst(text: MappedText, source: string): { document: Document; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const document = publishDoctree(text.text, {
    source,
    // Code blocks stay plain text: the page stage highlights them with highlight.js.
    settings: { syntaxHighlight: "none" },
    observer: (message) => {
      const d = rstDiagnostic(message, { originOf: (line) => text.originOf(line), fallbackFile: text.origins[0]?.file ?? source });
      if (d) diagnostics.push(d);
    },
  });
  return { document, diagnostics };
}
