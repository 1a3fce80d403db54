// references.Substitutions (priority 220): replaces each substitution_reference by a
// copy of its definition's content, nested references included; undefined names and
// circular definitions become errors. Replacements are carried out in one pass at
// the end (see BatchReplacer), so many references in one paragraph stay linear.
import type { Document } from "../document.ts";
import { Element, Text } from "../nodes.ts";
import { BatchReplacer, collect, REFERENTIAL, replaceSelf, replaceWithProblematic } from "./util.ts";
import { pushAll } from "../arrays.ts";

const LINE_LENGTH_LIMIT = 10000;
/** Total size (characters + nodes) all substitutions of a document may produce. */
const EXPANSION_BUDGET = 200_000;

export function substitutions(document: Document): void {
  const defs = document.substitutionDefs;
  const normed = document.substitutionNames;
  const nested = new Map<string, Set<string>>();
  const refOrigin = new WeakMap<Element, Element>();
  /** copy of a definition → the reference its children replace */
  const copyOf = new Map<Element, Element>();
  const batch = new BatchReplacer();
  const lineLimit = (document.settings.lineLengthLimit as number | undefined) ?? LINE_LENGTH_LIMIT;
  const textLength = new Map<Element, number>();
  let expandedSize = 0;
  let overBudget: Element | null = null;

  /** The element a reference will stand in once the pending replacements are done. */
  const effectiveParent = (ref: Element): Element | null => {
    let p = ref.parent;
    while (p && copyOf.has(p)) p = copyOf.get(p)!.parent;
    return p;
  };

  /** A replacement inside a definition changes its text length (as docutils sees it). */
  const invalidateLengths = (ref: Element): void => {
    let p: Element | null = ref.parent;
    while (p) {
      if (copyOf.has(p)) p = copyOf.get(p)!.parent;
      else {
        if (p.tagname === "substitution_definition") textLength.delete(p);
        p = p.parent;
      }
    }
  };

  const subrefs = collect(document, "substitution_reference");
  for (let i = 0; i < subrefs.length; i++) {
    const ref = subrefs[i];
    const parent = effectiveParent(ref);
    if (!parent) continue;
    const refname = ref.str("refname") ?? "";
    const key: string | undefined = defs.has(refname) ? refname : normed.get(refname.toLowerCase());
    let msg: Element | null = null;
    if (key === undefined) {
      msg = document.reporter.error(`Undefined substitution referenced: "${refname}".`, [], { baseNode: ref });
    } else {
      const subdef = defs.get(key)!;
      let len = textLength.get(subdef);
      if (len === undefined) textLength.set(subdef, (len = batch.expandedTextLength(subdef, lineLimit)));
      if (len > lineLimit) {
        msg = document.reporter.error(`Substitution definition "${key}" exceeds the line-length-limit.`);
      }
    }
    if (msg || key === undefined) {
      replaceWithProblematic(document, ref, msg!, undefined, batch);
      continue;
    }
    const subdef = defs.get(key)!;
    const hasAtt = (a: string) => subdef.attributes[a] !== undefined;
    // Nested definitions can double at every level (|a| → |b| |c|, each of them → ...);
    // docutils would expand them without end. Past a total budget of substituted text,
    // further references are reported as exceeding the limit instead.
    if (expandedSize > EXPANSION_BUDGET) {
      // One message for all the references left (each has its own `problematic`).
      overBudget ??= document.reporter.error(`Substitution definition "${key}" exceeds the line-length-limit.`);
      replaceWithProblematic(document, ref, overBudget, undefined, batch);
      continue;
    }
    const copy = batch.expandedCopy(subdef);
    for (const n of copy.traverse()) expandedSize += n instanceof Text ? n.data.length + 1 : 1;
    let circular = false;
    const nestedRefs: Element[] = [];
    for (const nestedRef of collect(copy, "substitution_reference")) {
      const nestedName = normed.get((nestedRef.str("refname") ?? "").toLowerCase());
      if (nestedName === undefined) {
        nestedRefs.push(nestedRef);
        continue;
      }
      const seen = nested.get(nestedName) ?? new Set<string>();
      nested.set(nestedName, seen);
      // docutils' test: the nested name has already been found inside itself.
      if (seen.has(nestedName)) {
        circular = true;
        break;
      }
      seen.add(key);
      refOrigin.set(nestedRef, ref);
      nestedRefs.push(nestedRef);
    }
    pushAll(subrefs, nestedRefs);
    if (circular) {
      if (parent.tagname === "substitution_definition") {
        const block = new Element("literal_block", { "xml:space": "preserve" }, [new Text(parent.rawsource)]);
        const m = document.reporter.error("Circular substitution definition detected:", [block], {
          line: parent.line,
          baseNode: parent,
        });
        if (parent.parent) replaceSelf(parent, m);
      } else {
        let origin = ref;
        while (refOrigin.has(origin)) origin = refOrigin.get(origin)!;
        const m = document.reporter.error(`Circular substitution definition referenced: "${refname}".`, [], {
          baseNode: origin,
        });
        replaceWithProblematic(document, ref, m, undefined, batch);
      }
      continue;
    }
    copyOf.set(copy, ref);
    batch.dissolve(copy);
    invalidateLengths(ref);
    batch.replace(ref, copy.children, {
      ltrim: hasAtt("ltrim") || hasAtt("trim"),
      rtrim: hasAtt("rtrim") || hasAtt("trim"),
    });
    for (const n of copy.children) {
      if (n instanceof Element && REFERENTIAL.has(n.tagname) && n.has("refname")) document.noteRefname(n);
    }
  }
  batch.flush();
}
