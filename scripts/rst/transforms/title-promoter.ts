// The title promotion shared by DocTitle and SectionSubTitle (docutils' TitlePromoter):
// a lone top-level section becomes the title (and a lone subsection the subtitle) of
// its parent.
import { Element, type Node } from "../nodes.ts";
import { firstChildNotIn, isElement, PRE_BIBLIOGRAPHIC } from "./util.ts";

/** The only non-PreBibliographic child of `node` when it is a section, with its index. */
export function candidateIndex(node: Element): [Element, number] | null {
  const index = firstChildNotIn(node, PRE_BIBLIOGRAPHIC);
  if (index < 0 || node.children.length > index + 1) return null;
  const cand = node.children[index];
  return isElement(cand, "section") ? [cand, index] : null;
}

/** docutils' update_all_atts_concatenating(other, replace=True, and_source=True). */
export function updateAllAttsConcatenating(node: Element, other: Element): void {
  for (const [k, v] of Object.entries(other.attributes)) {
    if (Array.isArray(v)) {
      const mine = node.list(k);
      for (const x of v) mine.push(x);
    } else if (v !== undefined) node.attributes[k] = v;
  }
  if (other.source) node.source = other.source;
}

export function promoteTitle(node: Element): boolean {
  const cand = candidateIndex(node);
  if (!cand) return false;
  const [section, index] = cand;
  if (!isElement(section.children[0], "title")) return false;
  updateAllAttsConcatenating(node, section);
  const before = node.children.slice(0, index);
  const sectionChildren = section.clearChildren();
  node.clearChildren();
  node.extend([sectionChildren[0], ...before, ...sectionChildren.slice(1)]);
  return true;
}

export function promoteSubtitle(node: Element): boolean {
  const cand = candidateIndex(node);
  if (!cand) return false;
  const [subsection, index] = cand;
  if (!isElement(subsection.children[0], "title")) return false;
  const subtitle = new Element("subtitle");
  updateAllAttsConcatenating(subtitle, subsection);
  const subChildren = subsection.clearChildren();
  const title = subChildren[0] as Element;
  subtitle.extend(title.clearChildren());
  subtitle.line = title.line;
  const old = node.clearChildren();
  const rest: Node[] = [old[0], subtitle, ...old.slice(1, index), ...subChildren.slice(1)];
  node.extend(rest);
  return true;
}
