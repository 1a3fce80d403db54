// references.AnonymousHyperlinks (priority 440): pairs anonymous references (`text__`)
// with anonymous targets (`__ uri`) in document order.
import type { Document } from "../document.ts";
import type { Element } from "../nodes.ts";
import { BatchReplacer, collect, replaceWithProblematic } from "./util.ts";

export function anonymousHyperlinks(document: Document): void {
  const refs = collect(document, "reference").filter((n) => n.get("anonymous"));
  const targets = collect(document, "target").filter((n) => n.get("anonymous"));
  if (refs.length !== targets.length) {
    const msg = document.reporter.error(
      `Anonymous hyperlink mismatch: ${refs.length} references but ${targets.length} targets.\n` +
        'See "backrefs" attribute for IDs.',
    );
    document.setId(msg);
    const batch = new BatchReplacer();
    for (const ref of refs) replaceWithProblematic(document, ref, msg, undefined, batch);
    batch.flush();
    return;
  }
  refs.forEach((ref, i) => {
    let target: Element = targets[i];
    target.referenced = true;
    for (;;) {
      if (target.has("refuri")) {
        ref.set("refuri", target.str("refuri")!);
        ref.resolved = true;
        break;
      }
      if (!target.ids.length) {
        const next = document.idMap.get(target.str("refid") ?? "");
        if (!next) break;
        target = next;
        continue;
      }
      ref.set("refid", target.ids[0]);
      document.noteRefid(ref);
      break;
    }
  });
}
