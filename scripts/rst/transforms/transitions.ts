// misc.Transitions (priority 830): checks where transitions stand (doctree.rst,
// <transition>). A transition may not start a document or section (only titles and
// invisible elements before it), nor follow another transition (warnings); one ending
// a section (only invisible elements after it) moves after the section, and one
// ending the document is reported. "Invisible" here: meta, pending,
// substitution_definition, target, and decoration (whose header/footer move away).
import type { Document } from "../document.ts";
import { Element } from "../nodes.ts";
import { collect } from "./util.ts";

const NOT_CONTENT = new Set(["meta", "pending", "substitution_definition", "target", "decoration"]);
const BEFORE_CONTENT = new Set(["title", "subtitle", ...NOT_CONTENT]);

export function transitions(document: Document): void {
  for (const node of collect(document, "transition")) checkTransition(document, node);
}

/** True when nothing but invisible elements follows `node` in its parent. */
function isLast(node: Element): boolean {
  const parent = node.parent!;
  for (let i = parent.children.indexOf(node) + 1; i < parent.children.length; i++) {
    const c = parent.children[i];
    if (!(c instanceof Element && NOT_CONTENT.has(c.tagname))) return false;
  }
  return true;
}

function checkTransition(document: Document, node: Element): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node);
  const warnings: Element[] = [];
  const warn = (message: string) =>
    warnings.push(document.reporter.warning(message, [], { source: node.source, line: node.line, baseNode: node }));
  const atStart = parent.children.slice(0, index).every((c) => c instanceof Element && BEFORE_CONTENT.has(c.tagname));
  if (atStart) {
    warn(`Transition at the start of the ${parent.tagname === "document" ? "document" : "section"}.`);
  } else {
    const prev = parent.children[index - 1];
    if (prev instanceof Element && prev.tagname === "transition") {
      warn("At least one body element should separate transitions.");
    }
  }
  // A transition ending a section moves after the section (up as many levels as
  // needed); one ending the document stays and is reported.
  let sibling: Element = node;
  while (isLast(sibling)) {
    const up = sibling.parent!;
    if (!up.parent) {
      warn("Transition at the end of the document.");
      sibling = node;
      break;
    }
    sibling = up;
  }
  if (sibling !== node) {
    const target = sibling.parent!;
    node.remove();
    target.insert(target.children.indexOf(sibling) + 1, node);
  }
  // The warnings follow the transition where it finally stands.
  if (warnings.length) node.parent!.insert(node.parent!.children.indexOf(node) + 1, warnings);
}
