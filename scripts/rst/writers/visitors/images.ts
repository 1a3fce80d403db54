// Figures and images: figure/figcaption/legend, image as <img> (or <video> for video
// files), with size (scale applied; unitless sizes as attributes, others as CSS),
// alignment classes and lazy loading.
import type { Element } from "../../nodes.ts";
import { attval, encode, type HtmlWriter, inTextElement, isElement, SKIP, type VisitorTable } from "../writer.ts";
import { isUnsafeUri } from "./references.ts";

const VIDEO_TYPES: Record<string, string> = { mp4: "video/mp4", webm: "video/webm", ogg: "video/ogg", ogv: "video/ogg" };

function extension(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  const dot = path.lastIndexOf(".");
  return dot >= 0 && !path.slice(dot).includes("/") ? path.slice(dot + 1).toLowerCase() : "";
}

/** A number as Python would print a computed size, without a useless ".0". */
function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/** Applies `scale` (percent) to a size such as "200", "10em", "2.5px". */
function scaled(value: string, scale: number): string {
  const m = /^([0-9.]+)(\S*)$/.exec(value);
  if (!m || Number.isNaN(Number(m[1]))) return value;
  return formatNumber(Number(m[1]) * (scale / 100)) + m[2];
}

/** Whether an image is written inline (no newline after it). */
function inlineContext(node: Element): boolean {
  const parent = node.parent;
  return inTextElement(node) || (!!parent && parent.tagname === "reference" && inTextElement(parent));
}

function visitImage(w: HtmlWriter, node: Element): typeof SKIP {
  const uri = node.str("uri") ?? "";
  const safeUri = !w.settings.allowUnsafeUris && isUnsafeUri(uri) ? "" : uri;
  const suffix = inlineContext(node) ? "" : "\n";
  const sizes: Record<string, string> = {};
  for (const name of ["width", "height"]) {
    const v = node.str(name);
    if (v !== undefined) sizes[name] = v;
  }
  if (node.has("scale")) {
    const scale = Number(node.get("scale"));
    for (const name of Object.keys(sizes)) sizes[name] = scaled(sizes[name], scale);
  }
  const attrs: Record<string, string | undefined> = {};
  const style: string[] = [];
  const video = VIDEO_TYPES[extension(uri)] !== undefined;
  for (const name of ["width", "height"]) {
    const v = sizes[name];
    if (v === undefined) continue;
    if (/^[0-9.]+$/.test(v)) attrs[name] = v;
    else style.push(`${name}: ${v};`);
  }
  if (style.length) attrs.style = style.join(" ");
  const cls = node.has("align") ? `align-${node.str("align")}` : undefined;
  if (node.get("loading") === "lazy") attrs.loading = "lazy";
  if (video) {
    let nodeClasses = node.classes;
    if (nodeClasses.includes("controls")) {
      attrs.controls = "controls";
      nodeClasses = nodeClasses.filter((c) => c !== "controls");
    }
    const title = node.str("alt") ?? uri;
    attrs.title = title;
    attrs.src = safeUri;
    w.body.push(
      w.starttag(node, "video", attrs, { suffix, class: cls, nodeClasses }) +
        `<a href="${attval(safeUri)}">${encode(title)}</a>${suffix}</video>${suffix}`,
    );
    return SKIP;
  }
  attrs.alt = node.str("alt") ?? uri;
  attrs.src = safeUri;
  w.body.push(w.emptytag(node, "img", attrs, { suffix, class: cls }));
  if (node.has("scale") && (!node.has("width") || !node.has("height"))) {
    // Scaling needs the image's own size, which only the file can tell; the writer does not read it.
    const reason = w.document.settings.fileInsertionEnabled ? "The writer does not read image files." : "Reading external files disabled.";
    w.writeMessage(2, "WARNING", `Cannot scale image!\n  Could not get size from "${uri}":\n  ${reason}`, node);
  }
  if (node.get("loading") === "embed") {
    // docutils reads the file and writes a data: URI. We never read files from the writer
    // (a document could otherwise pull any local file into the page): the image stays a link.
    w.writeMessage(3, "ERROR", `Cannot embed image "${uri}": the writer does not read image files.`, node);
  }
  return SKIP;
}

export const imageVisitors: VisitorTable = {
  image: { visit: visitImage },
  figure: {
    visit(w, node) {
      const width = node.str("width");
      const style = width ? `width: ${width}` : undefined;
      const cls = node.str("align") ? `align-${node.str("align")}` : undefined;
      w.body.push(w.starttag(node, "figure", { style }, { class: cls }));
    },
    depart(w, node) {
      if (node.children.length > 1) w.body.push("</figcaption>\n");
      w.body.push("</figure>\n");
    },
  },
  caption: {
    visit(w, node) {
      if (node.parent?.tagname === "figure") {
        w.body.push(w.starttag(node, "figcaption"));
        w.body.push("<p>");
      } else w.body.push(w.starttag(node, "p", {}, { suffix: "" }));
    },
    depart: (w) => void w.body.push("</p>\n"),
  },
  legend: {
    visit(w, node) {
      if (!isElement(node.parent?.children[1], "caption")) w.body.push("<figcaption>\n");
      w.body.push(w.starttag(node, "div", {}, { class: "legend" }));
    },
    depart: (w) => void w.body.push("</div>\n"),
  },
};
