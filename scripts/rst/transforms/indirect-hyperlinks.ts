// references.IndirectHyperlinks (priority 460): a target pointing at another name
// (`.. _a: b_`) takes over what that name resolves to, through chains of indirect
// targets; references to it are then resolved. Unknown, duplicate and circular
// targets become errors.
import type { Document } from "../document.ts";
import type { Element } from "../nodes.ts";
import { noteReferencedBy, replaceWithProblematic } from "./util.ts";
import { pushAll } from "../arrays.ts";

export function indirectHyperlinks(document: Document): void {
  const multiplyIndirect = new Set<Element>();

  const error = (target: Element, explanation: string): void => {
    let naming = "";
    const reflist: Element[] = [];
    if (target.names.length) naming = `"${target.names[0]}" `;
    for (const name of target.names) pushAll(reflist, document.refnames.get(name) ?? []);
    for (const id of target.ids) pushAll(reflist, document.refids.get(id) ?? []);
    if (target.ids.length) naming += `(id="${target.ids[0]}")`;
    const msg = document.reporter.error(
      `Indirect hyperlink target ${naming} refers to target "${target.str("refname")}", ${explanation}.`,
      [],
      { baseNode: target },
    );
    document.setId(msg);
    for (const ref of new Set(reflist)) {
      if (ref.parent) replaceWithProblematic(document, ref, msg);
    }
    target.resolved = true;
  };

  const nonexistent = (target: Element): void => {
    if (document.nameids.has(target.str("refname") ?? "")) {
      error(target, "which is a duplicate, and cannot be used as a unique reference");
    } else error(target, "which does not exist");
  };

  const resolveTarget = (target: Element): void => {
    const refname = target.str("refname");
    let reftargetId: string | null | undefined;
    if (refname === undefined) reftargetId = target.str("refid");
    else {
      reftargetId = document.nameids.get(refname);
      if (!reftargetId) {
        nonexistent(target);
        return;
      }
    }
    const reftarget = document.idMap.get(reftargetId ?? "");
    if (!reftarget) {
      nonexistent(target);
      return;
    }
    noteReferencedBy(reftarget, null, reftargetId!);
    if (reftarget.tagname === "target" && !reftarget.resolved && reftarget.has("refname")) {
      if (multiplyIndirect.has(target)) {
        error(target, "forming a circular reference");
        return;
      }
      multiplyIndirect.add(target);
      resolveTarget(reftarget);
      multiplyIndirect.delete(target);
    }
    if (reftarget.has("refuri")) {
      target.set("refuri", reftarget.str("refuri")!);
      target.delete("refid");
    } else if (reftarget.has("refid")) {
      target.set("refid", reftarget.str("refid")!);
      document.noteRefid(target);
    } else if (reftarget.ids.length) {
      target.set("refid", reftargetId!);
      document.noteRefid(target);
    } else {
      nonexistent(target);
      return;
    }
    if (refname !== undefined) target.delete("refname");
    target.resolved = true;
  };

  const resolveReferences = (target: Element): void => {
    let attname: "refid" | "refuri";
    if (target.has("refid")) attname = "refid";
    else if (target.has("refuri")) attname = "refuri";
    else return;
    const attval = target.str(attname)!;
    const update = (ref: Element, old: "refname" | "refid") => {
      if (ref.resolved) return;
      ref.delete(old);
      ref.set(attname, attval);
      if (attname === "refid") document.noteRefid(ref);
      ref.resolved = true;
      if (ref.tagname === "target") resolveReferences(ref);
    };
    for (const name of target.names) {
      const reflist = document.refnames.get(name) ?? [];
      if (reflist.length) noteReferencedBy(target, name, null);
      for (const ref of [...reflist]) update(ref, "refname");
    }
    for (const id of target.ids) {
      const reflist = document.refids.get(id) ?? [];
      if (reflist.length) noteReferencedBy(target, null, id);
      for (const ref of [...reflist]) update(ref, "refid");
    }
  };

  for (const target of document.indirectTargets) {
    if (!target.resolved) resolveTarget(target);
    resolveReferences(target);
  }
}
