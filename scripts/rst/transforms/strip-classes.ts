// universal.StripClassesAndElements (a writer transform, priority 420): removes the
// elements carrying one of the `stripElementsWithClasses` classes, and the class values
// listed in `stripClasses`. Both settings are empty by default.
import type { Document } from "../document.ts";
import { Element } from "../nodes.ts";

export function stripClassesAndElements(document: Document): void {
  const stripElements = new Set((document.settings.stripElementsWithClasses as string[] | undefined) ?? []);
  if (stripElements.size) {
    const doomed = document.findAll().filter((n) => n !== document && n.classes.some((c) => stripElements.has(c)));
    for (const n of doomed) n.remove();
  }
  const stripClasses = (document.settings.stripClasses as string[] | undefined) ?? [];
  if (!stripClasses.length) return;
  for (const node of document.traverse()) {
    if (!(node instanceof Element)) continue;
    const classes = node.classes;
    for (const c of stripClasses) {
      const i = classes.indexOf(c);
      if (i >= 0) classes.splice(i, 1);
    }
  }
}
