// universal.StripComments (priority 740): removes comments when the `stripComments`
// setting is true (off by default).
import type { Document } from "../document.ts";
import { collect } from "./util.ts";

export function stripComments(document: Document): void {
  if (document.settings.stripComments !== true) return;
  for (const node of collect(document, "comment")) node.remove();
}
