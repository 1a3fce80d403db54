// references.DanglingReferences (priority 850): references still carrying a
// `refname` either resolve through the name registry or become `problematic` with an
// error; targets nobody references get an INFO message.
import type { Document } from "../document.ts";
import { BatchReplacer, collect, noteReferencedBy, replaceWithProblematic } from "./util.ts";

const REFERENCE_TAGS = new Set(["reference", "footnote_reference", "citation_reference"]);

export function danglingReferences(document: Document): void {
  // Collect first: replacing nodes while walking would disturb the walk.
  const refs = collect(document, ...REFERENCE_TAGS);
  const batch = new BatchReplacer();
  for (const node of refs) {
    if (!node.parent || batch.has(node) || node.resolved || !node.has("refname")) continue;
    const refname = node.str("refname")!;
    const id = document.nameids.get(refname);
    if (id === undefined || id === null) {
      const text = document.nameids.has(refname)
        ? `Duplicate target name, cannot be used as a unique reference: "${refname}".`
        : `Unknown target name: "${refname}".`;
      const msg = document.reporter.error(text, [], { baseNode: node });
      replaceWithProblematic(document, node, msg, node.ids[0], batch);
    } else {
      node.delete("refname");
      node.set("refid", id);
      const target = document.idMap.get(id);
      if (target) noteReferencedBy(target, null, id);
      node.resolved = true;
    }
  }
  batch.flush();
  for (const target of collect(document, "target")) {
    if (target.referenced) continue;
    if (target.get("anonymous")) continue;
    const naming = target.names[0] ?? target.ids[0] ?? target.str("refid");
    document.reporter.info(`Hyperlink target "${naming}" is not referenced.`, [], { baseNode: target });
  }
}
