// references.Substitutions (priority 220): replaces each substitution_reference by a
// copy of its definition's content, nested references included; undefined names and
// circular definitions become errors.
import type { Document } from "../document.ts";
import { Element, Text } from "../nodes.ts";
import { REFERENTIAL, replaceSelf, replaceWithProblematic } from "./util.ts";

const LINE_LENGTH_LIMIT = 10000;

export function substitutions(document: Document): void {
  const defs = document.substitutionDefs;
  const normed = document.substitutionNames;
  const nested = new Map<string, string[]>();
  const refOrigin = new WeakMap<Element, Element>();
  const lineLimit = (document.settings.lineLengthLimit as number | undefined) ?? LINE_LENGTH_LIMIT;
  const subrefs = document.findAll("substitution_reference");
  for (let i = 0; i < subrefs.length; i++) {
    const ref = subrefs[i];
    if (!ref.parent) continue;
    const refname = ref.str("refname") ?? "";
    let key: string | undefined = defs.has(refname) ? refname : normed.get(refname.toLowerCase());
    let msg: Element | null = null;
    if (key === undefined) {
      msg = document.reporter.error(`Undefined substitution referenced: "${refname}".`, [], { baseNode: ref });
    } else if (defs.get(key)!.astext().length > lineLimit) {
      msg = document.reporter.error(`Substitution definition "${key}" exceeds the line-length-limit.`);
    }
    if (msg || key === undefined) {
      replaceWithProblematic(document, ref, msg!);
      continue;
    }
    const subdef = defs.get(key)!;
    const parent = ref.parent!;
    let index = parent.children.indexOf(ref);
    const hasAtt = (a: string) => subdef.attributes[a] !== undefined;
    if (hasAtt("ltrim") || hasAtt("trim")) {
      const prev = parent.children[index - 1];
      if (index > 0 && prev instanceof Text) prev.data = prev.data.replace(/\s+$/u, "");
    }
    if (hasAtt("rtrim") || hasAtt("trim")) {
      const next = parent.children[index + 1];
      if (next instanceof Text) next.data = next.data.replace(/^\s+/u, "");
    }
    const copy = subdef.deepcopy();
    let circular = false;
    for (const nestedRef of copy.findAll("substitution_reference")) {
      const nestedName = normed.get((nestedRef.str("refname") ?? "").toLowerCase());
      if (nestedName === undefined) {
        subrefs.push(nestedRef);
        continue;
      }
      const seen = nested.get(nestedName) ?? [];
      nested.set(nestedName, seen);
      if (seen.includes(key)) {
        circular = true;
        break;
      }
      seen.push(key);
      refOrigin.set(nestedRef, ref);
      subrefs.push(nestedRef);
    }
    if (circular) {
      if (parent.tagname === "substitution_definition") {
        const block = new Element("literal_block", { "xml:space": "preserve" }, [new Text(parent.rawsource)]);
        const m = document.reporter.error("Circular substitution definition detected:", [block], {
          line: parent.line,
          baseNode: parent,
        });
        replaceSelf(parent, m);
      } else {
        let origin = ref;
        while (refOrigin.has(origin)) origin = refOrigin.get(origin)!;
        const m = document.reporter.error(`Circular substitution definition referenced: "${refname}".`, [], {
          baseNode: origin,
        });
        replaceWithProblematic(document, ref, m);
      }
      continue;
    }
    index = parent.children.indexOf(ref);
    const children = copy.clearChildren();
    replaceSelf(ref, children);
    for (const n of children) {
      if (n instanceof Element && REFERENTIAL.has(n.tagname) && n.has("refname")) document.noteRefname(n);
    }
  }
}

