// references.ExternalTargets (priority 640): references to a named target with a
// URI get that URI.
import type { Document } from "../document.ts";
import { collect, noteReferencedBy } from "./util.ts";

export function externalTargets(document: Document): void {
  for (const target of collect(document, "target")) {
    if (!target.has("refuri")) continue;
    const refuri = target.str("refuri")!;
    for (const name of target.names) {
      const reflist = document.refnames.get(name) ?? [];
      if (reflist.length) noteReferencedBy(target, name, null);
      for (const ref of reflist) {
        if (ref.resolved) continue;
        ref.delete("refname");
        ref.set("refuri", refuri);
        ref.resolved = true;
      }
    }
  }
}
