// Every internal link of a page (href="#...") must name an id in that page.
// A broken link is an error at the source line of the reference that made it,
// when it came from the document, or at the page when the theme made it.
import { type Diagnostic, error } from "../diagnostics/diagnostic.ts";
import type { Document } from "../rst/index.ts";
import type { Origin } from "../diagnostics/line-map.ts";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the entities our writer and theme put in attribute values. */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** The ids of a page and the fragments its internal links point to, with their counts. */
export function internalLinks(html: string): { ids: Set<string>; fragments: Map<string, number> } {
  const ids = new Set<string>();
  const fragments = new Map<string, number>();
  for (const m of html.matchAll(/<[a-zA-Z][^>]*?\sid="([^"]*)"/g)) ids.add(decodeAttribute(m[1]));
  for (const m of html.matchAll(/<[a-zA-Z][^>]*?\sname="([^"]*)"/g)) ids.add(decodeAttribute(m[1]));
  for (const m of html.matchAll(/\shref="#([^"]*)"/g)) {
    const fragment = decodeURIComponentSafe(decodeAttribute(m[1]));
    fragments.set(fragment, (fragments.get(fragment) ?? 0) + 1);
  }
  return { ids, fragments };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Where each internal link of the document was written: fragment → line of the parsed text. */
export function referenceLines(document: Document): Map<string, number> {
  const lines = new Map<string, number>();
  for (const ref of document.findAll("reference")) {
    const refid = ref.str("refid") ?? (ref.str("refuri")?.startsWith("#") ? ref.str("refuri")!.slice(1) : undefined);
    if (refid === undefined || lines.has(refid)) continue;
    let node: typeof ref | null = ref;
    while (node && !node.line) node = node.parent;
    if (node?.line) lines.set(refid, node.line);
  }
  // Links the HTML writer makes itself, with no reference node: the title of a table
  // of contents links to `#top` (as docutils' writer does). Placed at the directive.
  for (const topic of document.findAll("topic")) {
    if (!topic.classes.includes("contents") || lines.has("top")) continue;
    let node: typeof topic | null = topic;
    while (node && !node.line) node = node.parent;
    if (node?.line) lines.set("top", node.line);
  }
  return lines;
}

/**
 * Errors for the internal links of `html` that name no id in it. `locate` maps a
 * fragment to the source line that wrote the link, when the document wrote it.
 */
export function checkInternalLinks(html: string, page: string, locate: (fragment: string) => Origin | undefined): Diagnostic[] {
  const { ids, fragments } = internalLinks(html);
  const diagnostics: Diagnostic[] = [];
  for (const [fragment, count] of fragments) {
    if (fragment === "" || ids.has(fragment)) continue;
    const origin = locate(fragment);
    const times = count > 1 ? ` (${count} links)` : "";
    diagnostics.push(
      error("broken-internal-link", `The link to "#${fragment}" in ${page} names no section or target of that page${times}.`, origin ? { file: origin.file, line: origin.line } : { file: page }),
    );
  }
  return diagnostics;
}
