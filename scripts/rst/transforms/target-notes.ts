// references.TargetNotes (pending, priority 540; the `target-notes` directive): one
// auto-numbered footnote per external URI that is referenced, and a footnote
// reference after each reference to it.
import type { Document } from "../document.ts";
import { Element, type Node, Text } from "../nodes.ts";
import { collect, replaceSelf } from "./util.ts";
import { pushAll } from "../arrays.ts";

export function targetNotes(document: Document, pending: Element): void {
  const classes = ((pending.details?.class as string[] | undefined) ?? []).slice();
  const notes = new Map<string, Element>();
  const nodelist: Element[] = [];
  // What goes right after each reference, inserted in one pass per parent at the end
  // (inserting as we go would make a paragraph of many references quadratic).
  const after = new Map<Node, Node[]>();

  const makeFootnote = (refuri: string, refs: Element[]): Element => {
    let footnote = notes.get(refuri);
    let footnoteName: string;
    if (footnote) footnoteName = footnote.names[0];
    else {
      footnote = new Element("footnote");
      const footnoteId = document.setId(footnote);
      footnoteName = `TARGET_NOTE: ${footnoteId}`;
      footnote.set("auto", 1);
      footnote.attributes.names = [footnoteName];
      const para = new Element("paragraph", {}, [new Element("reference", { refuri }, [new Text(refuri)])]);
      footnote.append(para);
      document.autofootnotes.push(footnote);
      document.noteExplicitTarget(footnote, footnote);
    }
    for (const ref of refs) {
      if (ref.tagname === "target" || !ref.parent) continue;
      const refnode = new Element("footnote_reference", { refname: footnoteName, auto: 1 });
      pushAll(refnode.classes, classes);
      document.noteAutofootnoteRef(refnode);
      document.noteFootnoteRef(refnode);
      const reflist: Node[] = [refnode];
      if (!document.settings.trimFootnoteReferenceSpace) {
        if (classes.length) reflist.unshift(new Element("inline", { classes }, [new Text(" ")]));
        else reflist.unshift(new Text(" "));
      }
      // docutils inserts right after the reference: a later insertion comes first.
      const earlier = after.get(ref);
      after.set(ref, earlier ? reflist.concat(earlier) : reflist);
    }
    return footnote;
  };

  for (const target of collect(document, "target")) {
    if (!target.has("refuri")) continue;
    const refs: Element[] = [];
    for (const name of target.names) pushAll(refs, document.refnames.get(name) ?? []);
    if (!refs.length) continue;
    const refuri = target.str("refuri")!;
    const footnote = makeFootnote(refuri, refs);
    if (!notes.has(refuri)) {
      notes.set(refuri, footnote);
      nodelist.push(footnote);
    }
  }
  for (const ref of collect(document, "reference")) {
    if (!ref.get("anonymous") || !ref.has("refuri")) continue;
    const refuri = ref.str("refuri")!;
    const footnote = makeFootnote(refuri, [ref]);
    if (!notes.has(refuri)) {
      notes.set(refuri, footnote);
      nodelist.push(footnote);
    }
  }
  insertAfter(after);
  replaceSelf(pending, nodelist);
}

/** Inserts each list of nodes right after its key node, rebuilding each parent's children once. */
function insertAfter(after: Map<Node, Node[]>): void {
  const parents = new Set<Element>();
  for (const node of after.keys()) if (node.parent) parents.add(node.parent);
  for (const parent of parents) {
    const children: Node[] = [];
    for (const child of parent.children) {
      children.push(child);
      const extra = after.get(child);
      if (extra) for (const n of extra) {
        n.parent = parent;
        children.push(n);
      }
    }
    parent.children = children;
  }
}
