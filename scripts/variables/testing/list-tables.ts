// For tests: checks the list-tables of generated RST with our RST engine. The
// engine may not know the list-table directive yet, but a list-table's content
// is a two-level bullet list, which it does parse; a table is valid when that
// list parses without warnings and every row has the same number of cells.
import { parse } from "../../rst/index.ts";
import type { Element } from "../../rst/nodes.ts";

export interface ParsedListTable {
  caption: string;
  options: string[];
  /** Each row's cells, as doctree elements (list items). */
  rows: Element[][];
  /** Messages of level WARNING and above from parsing the content. */
  problems: string[];
}

const children = (e: Element): Element[] => e.children.filter((c): c is Element => c.tagname !== "#text") as Element[];

export function listTables(text: string): ParsedListTable[] {
  const lines = text.split("\n");
  const tables: ParsedListTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)\.\. list-table::\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    const indent = m[1].length + 3;
    const options: string[] = [];
    let j = i + 1;
    for (; j < lines.length && /^\s+:[\w-]+:/.test(lines[j]); j++) options.push(lines[j].trim());
    const body: string[] = [];
    for (; j < lines.length && (lines[j].trim() === "" || lines[j].length - lines[j].trimStart().length >= indent); j++) body.push(lines[j].slice(indent));
    const problems: string[] = [];
    const doc = parse(body.join("\n"), { observer: (msg) => Number(msg.get("level")) >= 2 && problems.push(msg.children.map((c) => (c as Element).children?.map((t) => String((t as { astext?: () => string }).astext?.() ?? "")).join("") ?? "").join(" ")) });
    const top = children(doc as unknown as Element);
    const rows: Element[][] = [];
    if (top.length !== 1 || top[0].tagname !== "bullet_list") problems.push(`the table's content is not one bullet list (${top.map((t) => t.tagname).join(", ")})`);
    else {
      for (const item of children(top[0])) {
        const inner = children(item);
        if (inner.length !== 1 || inner[0].tagname !== "bullet_list") problems.push("a row is not a bullet list of cells");
        else rows.push(children(inner[0]));
      }
      if (new Set(rows.map((r) => r.length)).size > 1) problems.push(`rows have different numbers of cells: ${rows.map((r) => r.length).join(", ")}`);
    }
    tables.push({ caption: m[2], options, rows, problems });
    i = j - 1;
  }
  return tables;
}

/** The tag names of an element's child elements. */
export function childTags(e: Element): string[] {
  return children(e).map((c) => c.tagname);
}
