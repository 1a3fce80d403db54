// Tables: table (caption from its title), tgroup, colspec (a <colgroup> only when the
// column widths were given), thead, tbody, row, entry (th for head rows and stub columns).
import type { Element } from "../../nodes.ts";
import { isElement, type VisitorTable } from "../writer.ts";

/** A CSS length: unitless numbers are pixels. */
function cssWidth(value: string): string {
  return /^[0-9.]+$/.test(value) ? value + "px" : value;
}

function tableOf(tgroupChild: Element): Element | null {
  return tgroupChild.parent?.parent ?? null;
}

/** Python's format(fraction, ".1%"). */
function formatPercent(fraction: number): string {
  return (fraction * 100).toFixed(1) + "%";
}

export const tableVisitors: VisitorTable = {
  table: {
    visit(w, node) {
      const classes = w.settings.tableStyle.replace(/,/g, " ").split(/\s+/).filter(Boolean);
      if (node.has("align")) classes.push(`align-${node.str("align")}`);
      const width = node.str("width");
      const style = width !== undefined ? `width: ${cssWidth(width)};` : undefined;
      w.body.push(w.starttag(node, "table", { style }, { classes }));
    },
    depart: (w) => void w.body.push("</table>\n"),
  },
  tgroup: {
    visit(w, node) {
      w.colspecs = [];
      w.nodeData(node).stubs = [];
    },
  },
  colspec: {
    visit(w, node) {
      w.colspecs.push(node);
      const data = w.nodeData(node.parent!);
      const stubs = (data.stubs as unknown[] | undefined) ?? (data.stubs = []);
      (stubs as unknown[]).push(node.get("stub"));
    },
    depart(w, node) {
      if (isElement(w.next(node), "colspec")) return;
      const table = tableOf(node);
      const tclasses = table?.classes ?? [];
      const styles = w.settings.tableStyle.replace(/,/g, " ").split(/\s+/);
      if (tclasses.includes("colwidths-auto")) return;
      if (!styles.includes("colwidths-grid") && !tclasses.includes("colwidths-given")) return;
      w.body.push(w.starttag(node, "colgroup"));
      const total = w.colspecs.reduce((s, c) => s + Number(c.get("colwidth") ?? 0), 0);
      for (const c of w.colspecs) {
        const width = total ? Number(c.get("colwidth") ?? 0) / total : 0;
        w.body.push(w.emptytag(c, "col", { style: `width: ${formatPercent(width)}` }));
      }
      w.body.push("</colgroup>\n");
    },
  },
  thead: {
    visit: (w, node) => void w.body.push(w.starttag(node, "thead")),
    depart: (w) => void w.body.push("</thead>\n"),
  },
  tbody: {
    visit: (w, node) => void w.body.push(w.starttag(node, "tbody")),
    depart: (w) => void w.body.push("</tbody>\n"),
  },
  row: {
    visit(w, node) {
      w.body.push(w.starttag(node, "tr", {}, { suffix: "" }));
      w.nodeData(node).column = 0;
    },
    depart: (w) => void w.body.push("</tr>\n"),
  },
  entry: {
    visit(w, node) {
      const row = node.parent!;
      const classes: string[] = [];
      if (row.parent?.tagname === "thead") classes.push("head");
      const tgroup = row.parent?.parent;
      const stubs = (tgroup ? (w.nodeData(tgroup).stubs as unknown[] | undefined) : undefined) ?? [];
      const rowData = w.nodeData(row);
      const column = (rowData.column as number | undefined) ?? 0;
      if (stubs[column]) classes.push("stub");
      const tag = classes.length ? "th" : "td";
      rowData.column = column + 1;
      const attrs: Record<string, number | undefined> = {};
      if (node.has("morerows")) attrs.rowspan = Number(node.get("morerows")) + 1;
      if (node.has("morecols")) {
        attrs.colspan = Number(node.get("morecols")) + 1;
        rowData.column = (rowData.column as number) + Number(node.get("morecols"));
      }
      w.body.push(w.starttag(node, tag, attrs, { suffix: "", classes }));
      w.context.push(`</${tag}>\n`);
    },
    depart: (w) => void w.body.push(w.context.pop() as string),
  },
};

export { formatPercent };
