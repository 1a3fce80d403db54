// parts.Contents (pending, priority 720; the `contents` directive): builds the table
// of contents as nested bullet lists of references to the sections (of the document,
// or of the enclosing section with `local`), to the given depth, and links the
// section titles back to their entries (`backlinks`).
import type { Document } from "../document.ts";
import { Element, type Node, Text } from "../nodes.ts";
import { pushAll } from "../arrays.ts";

export function contents(document: Document, pending: Element): void {
  const details = pending.details ?? {};
  const topic = pending.parent!;
  let startnode: Element = document;
  if ("local" in details) {
    let n: Element | null = topic.parent;
    while (n && n.tagname !== "section" && n.tagname !== "document") n = n.parent;
    startnode = n ?? document;
  }
  const tocId = topic.ids[0];
  const backlinks = "backlinks" in details ? details.backlinks : (document.settings.tocBacklinks ?? "entry");
  const maxdepth = typeof details.depth === "number" ? details.depth : Infinity;
  const result = buildContents(document, startnode, maxdepth, backlinks, tocId);
  if (result) pending.replaceSelf(result);
  else topic.parent?.remove(topic);
}

function buildContents(
  document: Document,
  root: Element,
  maxdepth: number,
  backlinks: unknown,
  tocId: string | undefined,
): Element | null {
  const build = (node: Element, level: number): Element | null => {
    const sections = node.children.filter((c): c is Element => c instanceof Element && c.tagname === "section");
    const entries: Element[] = [];
    let auto: unknown;
    for (const section of sections) {
      const first = section.children[0];
      const title = first instanceof Element ? first : new Element("title");
      auto = title.get("auto");
      const reference = new Element("reference", section.ids.length ? { refid: section.ids[0] } : {}, copyAndFilter(title));
      const refId = document.setId(reference, null, "toc-entry");
      const item = new Element("list_item", {}, [new Element("paragraph", {}, [reference])]);
      if ((backlinks === "entry" || backlinks === "top") && !hasReference(title)) {
        if (backlinks === "entry") title.set("refid", refId);
        else if (tocId !== undefined) title.set("refid", tocId);
      }
      if (level < maxdepth) {
        const sub = build(section, level + 1);
        if (sub) item.append(sub);
      }
      entries.push(item);
    }
    if (!entries.length) return null;
    const list = new Element("bullet_list", {}, entries);
    if (auto) list.classes.push("auto-toc");
    return list;
  };
  return build(root, 1);
}

function hasReference(title: Element): boolean {
  for (const n of title.traverse()) if (n !== title && n instanceof Element && n.tagname === "reference") return true;
  return false;
}

/** A copy of the title's content without footnote/citation references, images as their alt text, and references/targets/problematic unwrapped. */
export function copyAndFilter(node: Element): Node[] {
  const out: Node[] = [];
  for (const child of node.children) pushAll(out, filterCopy(child));
  return out;
}

function filterCopy(node: Node): Node[] {
  if (!(node instanceof Element)) return [node.deepcopy()];
  switch (node.tagname) {
    case "footnote_reference":
    case "citation_reference":
      return [];
    case "image":
      return node.has("alt") ? [new Text(node.str("alt")!)] : [];
    case "problematic":
    case "reference":
    case "target":
      return copyAndFilter(node);
    default: {
      const copy = new Element(node.tagname, node.attributes);
      // The entry must not repeat the title's ids and names.
      copy.clearList("ids");
      copy.clearList("names");
      copy.clearList("dupnames");
      copy.rawsource = node.rawsource;
      copy.extend(copyAndFilter(node));
      return [copy];
    }
  }
}
