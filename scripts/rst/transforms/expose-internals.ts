// universal.ExposeInternals (priority 840): with the `exposeInternals` setting (a list
// of internal attribute names such as "line" or "source"; off by default), copies those
// internal values of each element into `internal:NAME` attributes.
import type { Document } from "../document.ts";
import { Element } from "../nodes.ts";

export function exposeInternals(document: Document): void {
  const names = document.settings.exposeInternals;
  if (!Array.isArray(names) || !names.length) return;
  for (const node of document.traverse()) {
    if (!(node instanceof Element)) continue;
    for (const att of names as string[]) {
      const value = (node as unknown as Record<string, unknown>)[att];
      if (value === undefined || value === null) continue;
      node.set(`internal:${att}`, typeof value === "number" || typeof value === "boolean" ? value : String(value));
    }
  }
}
