// frontmatter.DocTitle (priority 320): a document whose only body is one section
// takes that section's title as its own (and a lone subsection's title as its
// subtitle); the document's `title` attribute defaults to the title text.
import type { Document } from "../document.ts";
import { isElement } from "./util.ts";
import { promoteSubtitle, promoteTitle } from "./title-promoter.ts";

export function docTitle(document: Document): void {
  if (document.settings.doctitleXform !== false) {
    if (promoteTitle(document)) promoteSubtitle(document);
  }
  if (!document.has("title")) {
    const setting = document.settings.title;
    if (typeof setting === "string") document.set("title", setting);
    else if (isElement(document.children[0], "title")) document.set("title", document.children[0].astext());
  }
}
