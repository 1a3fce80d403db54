// Entry point of the block parser: parseDocument (docutils' rst Parser.parse). The
// directives and roles it knows are given to it (index.ts gives the standard ones).
import type { Document } from "../document.ts";
import type { Element } from "../nodes.ts";
import type { DirectiveRegistry, Memo, RoleRegistry } from "./context.ts";
import { string2lines } from "./lines.ts";
import { Machine, type Shared } from "./machine.ts";
import { STATE_CLASSES } from "./states/index.ts";

/** The directives and roles a parse knows. */
export interface Registries {
  directives: DirectiveRegistry;
  roles: RoleRegistry;
}

/** Parses reStructuredText `text` into `document` (docutils' Parser.parse). */
export function parseDocument(text: string, document: Document, registries: Registries): void {
  const settings = document.settings;
  const tabWidth = typeof settings.tabWidth === "number" ? settings.tabWidth : 8;
  const lineLengthLimit = typeof settings.lineLengthLimit === "number" ? settings.lineLengthLimit : 10000;
  const lines = string2lines(text, tabWidth);
  const memo: Memo = { titleStyles: [], sectionLevel: 0, sectionBubbleUpKludge: false, defaultRole: "" };
  // The registries are copied field by field, not spread: a spread's result changes hidden
  // class once V8 has warmed it up, and every state reads \`shared\` (one class keeps those
  // reads monomorphic instead of deoptimizing them after the first documents).
  const shared: Shared = {
    document, reporter: document.reporter, memo, states: STATE_CLASSES, currentLine: null, currentSource: null, depth: 0,
    directives: registries.directives, roles: registries.roles,
  };
  const top = new Machine(shared, lines, 0, lines.length, 0, document, true);
  const source = document.source ?? String(document.get("source") ?? "");
  const previous = document.reporter.getSourceAndLine;
  // docutils' reporter asks the document's (top-level) state machine for the current line.
  document.reporter.getSourceAndLine = (line) => ({ source: shared.currentSource ?? source, line: line ?? defaultLine(top) });
  // Every message made while parsing is recorded: those left outside the tree end up
  // in the writer's "Docutils System Messages" section (as in docutils 1.0).
  const noteParseMessage = (msg: Element) => document.noteParseMessage(msg);
  document.reporter.attach(noteParseMessage);
  try {
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].length > lineLengthLimit) {
        document.append(document.reporter.error(`Line ${i + 1} exceeds the line-length-limit.`));
        return;
      }
    }
    try {
      top.run("Body");
    } catch (e) {
      // Safety net: a parser bug becomes a message at the line reached, not an exception.
      const message = e instanceof Error ? e.message : String(e);
      document.append(document.reporter.severe(`Internal parser error: ${message}`, [], { line: top.absLineNumber() }));
    }
  } finally {
    document.reporter.observers.splice(document.reporter.observers.indexOf(noteParseMessage), 1);
    // As docutils' finished state machine does, later messages without a node or line
    // (from transforms) are placed just past the last input line when the machine
    // stopped right there, and get no line when it stopped further on.
    void previous;
    const endLine = top.lineOffset === lines.length ? lines.length + 1 : null;
    document.reporter.getSourceAndLine = (line) => ({ source, line: line ?? endLine });
  }
}

/** The current line of a machine (docutils' get_source_and_line without a line). */
function defaultLine(m: Machine): number | null {
  // Offset -1 reads the machine's last line (Python's negative index); one past the end counts on.
  if (m.lineOffset === -1) return m.length ? m.inputOffset + m.length : null;
  return m.lineOffset >= 0 && m.lineOffset <= m.length ? m.absLineNumber() : null;
}
