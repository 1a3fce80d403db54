// Grid and simple tables: isolating the table's lines, reporting malformed
// tables and building the table elements (docutils' Body.table_top, table,
// isolate_grid_table, isolate_simple_table, malformed_table, build_table).
import { Element } from "../../nodes.ts";
import type { ParserContext } from "../context.ts";
import { padDoubleWidth, pyStrip } from "../lines.ts";
import { GRID_TABLE_TOP, SIMPLE_TABLE_BORDER } from "../patterns.ts";
import type { RSTState } from "../states/rst-state.ts";
import { DOUBLE_WIDTH_PAD, stripCombining, parseGridTable, parseSimpleTable, type Row, type TableData, TableMarkupError } from "../tableparser.ts";
import { fixedText } from "./fixed-text.ts";
import { pushAll } from "../../arrays.ts";

type Result = [string[], string];
type Isolated = { block: string[] | null; messages: Element[]; blankFinish: boolean };

export function gridTableRule(s: RSTState, _match: RegExpExecArray, _context: string[], next: string): Result {
  return tableTop(s, next, isolateGridTable, parseGridTable);
}

export function simpleTableRule(s: RSTState, _match: RegExpExecArray, _context: string[], next: string): Result {
  return tableTop(s, next, isolateSimpleTable, parseSimpleTable);
}

function tableTop(s: RSTState, next: string, isolate: (s: RSTState) => Isolated, parse: (b: string[]) => TableData): Result {
  const { block, messages, blankFinish } = isolate(s);
  let nodes: Element[];
  if (block && block.length) {
    try {
      const data = parse(block);
      const tableline = s.m.absLineNumber() - block.length + 1;
      nodes = [buildTable(s.m, data, tableline), ...messages];
    } catch (e) {
      if (!(e instanceof TableMarkupError)) throw e;
      nodes = [...malformedTable(s, block, e.message, e.offset), ...messages];
    }
  } else nodes = messages;
  s.parent.extend(nodes);
  if (!blankFinish) {
    s.parent.append(s.reporter.warning("Blank line required after table.", [], { line: s.m.absLineNumber() + 1 }));
  }
  return [[], next];
}

function isolateGridTable(s: RSTState): Isolated {
  const messages: Element[] = [];
  let blankFinish = true;
  const r = s.m.getTextBlock(true);
  if (r.indentedLine !== null) {
    messages.push(s.reporter.error("Unexpected indentation.", [], { line: r.indentedLine }));
    blankFinish = false;
  }
  let block = r.block.map((l) => padDoubleWidth(l, DOUBLE_WIDTH_PAD));
  const width = stripCombining(pyStrip(block[0])).length;
  // `i` deliberately outlives the loops: docutils reports the bottom border
  // problem at the last line index the loops reached.
  let i = 0;
  let cut = false;
  for (i = 0; i < block.length; i++) {
    block[i] = pyStrip(block[i]);
    if (block[i][0] !== "+" && block[i][0] !== "|") {
      blankFinish = false;
      s.m.previousLine(block.length - i);
      block = block.slice(0, i);
      cut = true;
      break;
    }
  }
  if (!cut) i = block.length - 1;
  if (!GRID_TABLE_TOP.test(block[block.length - 1])) {
    let found = false;
    if (block.length - 2 > 1) {
      for (i = block.length - 2; i > 1; i--) {
        if (GRID_TABLE_TOP.test(block[i])) {
          s.m.previousLine(block.length - i + 1);
          block = block.slice(0, i + 1);
          blankFinish = false;
          found = true;
          break;
        }
      }
      if (!found) i = 2;
    }
    if (!found) {
      pushAll(messages, malformedTable(s, block, "Bottom border missing or corrupt.", i));
      return { block: null, messages, blankFinish };
    }
  }
  for (let k = 0; k < block.length; k++) {
    const line = block[k];
    if (stripCombining(line).length !== width || (line[line.length - 1] !== "+" && line[line.length - 1] !== "|")) {
      pushAll(messages, malformedTable(s, block, "Right border not aligned or missing.", k));
      return { block: null, messages, blankFinish };
    }
  }
  return { block, messages, blankFinish };
}

function isolateSimpleTable(s: RSTState): Isolated {
  const m = s.m;
  const start = m.lineOffset;
  const limit = m.length - 1;
  const toplen = pyStrip(m.at(start)).length;
  let found = 0;
  let foundAt = -1;
  let end = -1;
  let i = start + 1;
  for (; i <= limit; i++) {
    const line = m.at(i);
    if (SIMPLE_TABLE_BORDER.test(line)) {
      if (pyStrip(line).length !== toplen) {
        m.nextLine(i - start);
        const messages = malformedTable(s, m.slice(start, i + 1), "Bottom border or header rule does not match top border.", i - start);
        return { block: null, messages, blankFinish: i === limit || !m.at(i + 1).trim() };
      }
      found++;
      foundAt = i;
      if (found === 2 || i === limit || !m.at(i + 1).trim()) {
        end = i;
        break;
      }
    }
  }
  if (end < 0) {
    let extra: string;
    let block: string[];
    if (found) {
      extra = " or no blank line after table bottom";
      m.nextLine(foundAt - start);
      block = m.slice(start, foundAt + 1);
    } else {
      extra = "";
      m.nextLine(i - start - 1);
      block = m.slice(start, m.length);
    }
    const messages = malformedTable(s, block, `No bottom table border found${extra}.`);
    return { block: null, messages, blankFinish: !extra };
  }
  m.nextLine(end - start);
  const block = m.slice(start, end + 1).map((l) => padDoubleWidth(l, DOUBLE_WIDTH_PAD));
  return { block, messages: [], blankFinish: end === limit || !m.at(end + 1).trim() };
}

function malformedTable(s: RSTState, blockIn: string[], detail = "", offset = 0): Element[] {
  const block = blockIn.map((l) => l.split(DOUBLE_WIDTH_PAD).join(""));
  const data = block.join("\n");
  let message = "Malformed table.";
  const startline = s.m.absLineNumber() - block.length + 1;
  if (detail) message += "\n" + detail;
  return [s.reporter.error(message, [fixedText("literal_block", data, data)], { line: startline + offset })];
}

/**
 * Builds a table element from analyzed table data (docutils' build_table), parsing
 * cells as body elements. `tableline` is the 1-based line of the table's first line.
 */
export function buildTable(
  ctx: ParserContext,
  data: TableData,
  tableline: number,
  stubColumns = 0,
  widths: "auto" | "grid" | number[] | null = null,
): Element {
  const table = new Element("table");
  if (widths === "auto") table.classes.push("colwidths-auto");
  else if (widths) table.classes.push("colwidths-given");
  const tgroup = new Element("tgroup", { cols: data.colwidths.length });
  table.append(tgroup);
  for (const colwidth of data.colwidths) {
    const colspec = new Element("colspec", { colwidth });
    if (stubColumns) {
      colspec.set("stub", 1);
      stubColumns--;
    }
    tgroup.append(colspec);
  }
  if (data.headrows.length) {
    const thead = new Element("thead");
    tgroup.append(thead);
    for (const row of data.headrows) thead.append(buildTableRow(ctx, row, tableline));
  }
  const tbody = new Element("tbody");
  tgroup.append(tbody);
  for (const row of data.bodyrows) tbody.append(buildTableRow(ctx, row, tableline));
  return table;
}

function buildTableRow(ctx: ParserContext, rowdata: Row, tableline: number): Element {
  const row = new Element("row");
  for (const cell of rowdata) {
    if (cell === null) continue;
    const [morerows, morecols, offset, cellblock] = cell;
    const entry = new Element("entry");
    if (morerows) entry.set("morerows", morerows);
    if (morecols) entry.set("morecols", morecols);
    row.append(entry);
    if (cellblock.join("")) ctx.nestedParse(cellblock, tableline - 1 + offset, entry);
  }
  return row;
}
