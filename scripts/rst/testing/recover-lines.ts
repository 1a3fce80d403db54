// Pseudo-XML carries no line numbers, but a few transforms report messages at a
// node's line. For reader-built documents, this recovers the lines of the nodes
// those messages use (transitions, bibliographic fields, substitution definitions,
// targets) by finding their markup in the input, in document order.
import type { Document } from "../document.ts";
import { Element } from "../nodes.ts";

const TRANSITION_RE = /^([!-/:-@[-`{-~])\1{3,}\s*$/;

/** Letters and digits only: what survives of a line once markup is stripped. */
function signature(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase();
}

export function recoverLines(document: Document, rst: string): void {
  const lines = rst.split("\n");
  const lineSigs = lines.map(signature);
  let paraFrom = 0;
  const isBlank = (i: number) => i < 0 || i >= lines.length || lines[i].trim() === "";
  const transitionLines: number[] = [];
  lines.forEach((l, i) => {
    if (TRANSITION_RE.test(l) && isBlank(i - 1) && isBlank(i + 1)) transitionLines.push(i + 1);
  });
  let t = 0;
  let fieldFrom = 0;
  for (const n of document.traverse()) {
    if (!(n instanceof Element)) continue;
    if (n.tagname === "transition" && t < transitionLines.length) n.line = transitionLines[t++];
    else if (n.tagname === "paragraph") {
      // The first line whose letters and digits hold the start of the paragraph's text.
      const sig = signature(n.astext().split("\n")[0]).slice(0, 16);
      if (!sig) continue;
      for (let i = paraFrom; i < lines.length; i++) {
        if (lineSigs[i].includes(sig)) {
          n.line = i + 1;
          paraFrom = i + 1;
          break;
        }
      }
    }
    else if (n.tagname === "field" && n.parent?.parent === document) {
      const name = n.children[0]?.astext() ?? "";
      for (let i = fieldFrom; i < lines.length; i++) {
        if (lines[i].startsWith(`:${name}:`) || lines[i].startsWith(`:${name.replace(/ /g, " ")}:`)) {
          n.line = i + 1;
          fieldFrom = i + 1;
          break;
        }
      }
    } else if (n.tagname === "substitution_definition") {
      const name = n.names[0] ?? n.dupnames[0];
      const i = lines.findIndex((l) => l.startsWith(`.. |${name}|`));
      if (i >= 0) n.line = i + 1;
    } else if (n.tagname === "target" && n.names.length) {
      const name = n.names[0];
      const i = lines.findIndex((l) => l.toLowerCase().startsWith(`.. _${name}:`) || l.toLowerCase().startsWith(`.. _\`${name}\`:`));
      if (i >= 0) n.line = i + 1;
    }
  }
}
