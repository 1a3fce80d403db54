// The rst stage: the templated text parsed and transformed by our engine
// (docutils' publish_doctree). Every system message of level WARNING or above
// becomes a diagnostic at the file and line that produced it: an error in the
// specification, a warning in a supporting document. Code blocks are left as
// plain text (syntax_highlight "none"); the page stage highlights them.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { MappedText } from "../diagnostics/line-map.ts";
import { rstDiagnostic } from "../diagnostics/rst-messages.ts";
import { type Document, publishDoctree } from "../rst/index.ts";

export interface RenderRstOptions {
  /** Whether the `raw` directive may be used (targets.yaml `raw: true`, or --allow-raw). */
  allowRaw?: boolean;
  severity?: "error" | "warning";
}

export function renderRst(text: MappedText, source: string, options: RenderRstOptions = {}): { document: Document; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const document = publishDoctree(text.text, {
    source,
    // Code blocks stay plain text: the page stage highlights them with highlight.js.
    settings: { syntaxHighlight: "none", rawEnabled: options.allowRaw ?? false },
    observer: (message) => {
      const d = rstDiagnostic(message, { originOf: (line) => text.originOf(line), fallbackFile: text.origins[0]?.file ?? source, severity: options.severity });
      if (d) diagnostics.push(d);
    },
  });
  return { document, diagnostics };
}
