// System messages: <aside class="system-message"> with a title line giving type, level,
// source, line and backlinks. Messages below the report level (INFO, DEBUG) are not shown.
import { attval, encode, SKIP, type VisitorTable } from "../writer.ts";

/** The document's report level (docutils' report_level; default 2, WARNING). */
function reportLevel(settings: Record<string, unknown>): number {
  return typeof settings.reportLevel === "number" ? settings.reportLevel : 2;
}

export const systemMessageVisitors: VisitorTable = {
  system_message: {
    visit(w, node) {
      const level = Number(node.get("level") ?? 0);
      if (level < reportLevel(w.document.settings)) return SKIP;
      w.body.push(w.starttag(node, "aside", {}, { class: "system-message" }));
      w.body.push('<p class="system-message-title">');
      const backrefs = node.backrefs;
      let backrefText = "";
      if (backrefs.length === 1) {
        backrefText = `; <em><a href="#${attval(backrefs[0])}">backlink</a></em>`;
      } else if (backrefs.length > 1) {
        const links = backrefs.map((ref, i) => `<a href="#${attval(ref)}">${i + 1}</a>`);
        backrefText = `; <em>backlinks: ${links.join(", ")}</em>`;
      }
      const line = node.has("line") ? `, line ${encode(node.str("line")!)}` : "";
      w.body.push(
        `System Message: ${encode(node.str("type") ?? "")}/${level} ` +
          `(<span class="docutils literal">${encode(node.str("source") ?? "")}</span>${line})${backrefText}</p>\n`,
      );
    },
    depart: (w) => void w.body.push("</aside>\n"),
  },
};
