// references.InternalTargets (priority 660): references to a named internal target
// get the id it stands for.
import type { Document } from "../document.ts";
import { collect, noteReferencedBy } from "./util.ts";

export function internalTargets(document: Document): void {
  for (const target of collect(document, "target")) {
    if (target.has("refuri") || target.has("refid")) continue;
    for (const name of target.names) {
      const refid = document.nameids.get(name);
      const reflist = document.refnames.get(name) ?? [];
      if (reflist.length) noteReferencedBy(target, name, null);
      for (const ref of reflist) {
        if (ref.resolved) continue;
        if (refid) {
          ref.delete("refname");
          ref.set("refid", refid);
        }
        ref.resolved = true;
      }
    }
  }
}
