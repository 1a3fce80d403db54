// references.DanglingReferences (priority 850): references still carrying a
// `refname` either resolve through the name registry or become `problematic` with an
// error; targets nobody references get an INFO message.
import type { Document } from "../document.ts";
import { Element, Text } from "../nodes.ts";
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
      const hint = node.tagname === "reference" ? embeddingHint(refname) : null;
      const children = hint === null ? [] : [new Element("paragraph", {}, [new Text(hint)])];
      const msg = document.reporter.error(text, children, { baseNode: node });
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

/**
 * docutils 1.0 explains unknown names that look like a failed embedded URI or alias
 * (`link <address >`_): what keeps the `<...>` part from being recognized.
 */
export function embeddingHint(refname: string): string | null {
  const open = refname.lastIndexOf("<");
  const close = refname.lastIndexOf(">");
  if (open < 0 && close < 0) return null;
  const question = "Did you want to embed a URI or alias?";
  let why: string | null = null;
  if (open < 0) why = "Opening bracket missing.";
  else if (close < 0 || close < open) why = "Closing bracket missing.";
  else if (close !== refname.length - 1) why = "The embedded reference must be the last text before the end string.";
  else if (open === 0 || !/\s/u.test(refname[open - 1])) why = "The embedded reference must be preceded by whitespace.";
  else if (/\s/u.test(refname[open + 1] ?? "") || /\s/u.test(refname[close - 1] ?? "")) {
    why = "Whitespace around the embedded reference is not allowed.";
  }
  return why === null ? question : `${question}\n${why}`;
}
