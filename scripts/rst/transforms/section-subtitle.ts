// frontmatter.SectionSubTitle (priority 350): a section's lone subsection becomes its
// subtitle. Off unless the `sectsubtitleXform` setting is true (docutils' default).
import type { Document } from "../document.ts";
import { promoteSubtitle } from "./title-promoter.ts";
import { collect } from "./util.ts";

export function sectionSubTitle(document: Document): void {
  if (document.settings.sectsubtitleXform !== true) return;
  for (const section of collect(document, "section")) promoteSubtitle(section);
}
