// Tables (docutils' directives/tables.py): `table` (a title and options for a
// grid/simple table), `csv-table` (CSV data in the content, or a file under the
// include root when file insertion is enabled) and `list-table`.
import { readFileSync } from "node:fs";
import { Element, type Node } from "../nodes.ts";
import type { DirectiveCall, DirectiveDefinition, OptionConverter } from "../parser/context.ts";
import { buildTable } from "../parser/rules/table.ts";
import type { Row } from "../parser/tableparser.ts";
import { ERROR, SEVERE, WARNING } from "../reporter.ts";
import { CsvError, type CsvDialect, readCsv } from "./csv.ts";
import { resolveInsidePath } from "./include-path.ts";
import {
  choice,
  classOption,
  encoding,
  flag,
  lengthOrPercentageOrUnitlessOption,
  nonnegativeInt,
  path,
  positiveIntList,
  singleCharOrUnicode,
  singleCharOrWhitespaceOrUnicode,
  unchanged,
  uri,
  valueOr,
} from "../options.ts";
import { addName, blockMessage, directive, place } from "./util.ts";
import { pushAll } from "../arrays.ts";

/** A directive's early exit with a system message (docutils' SystemMessagePropagation). */
class Propagate {
  constructor(readonly message: Element) {}
}

const align: OptionConverter = (v) => choice(v, ["left", "center", "right"]);

function makeTitle(call: DirectiveCall): [Element | null, Element[]] {
  if (!call.arguments.length) return [null, []];
  const text = call.arguments[0];
  const [nodes, messages] = call.ctx.inlineText(text, call.lineno);
  const title = new Element("title", {}, nodes);
  title.rawsource = text;
  place(call, title, call.lineno);
  return [title, messages];
}

function fail(call: DirectiveCall, level: number, message: string): Propagate {
  return new Propagate(blockMessage(call, level, message));
}

function checkTableDimensions(call: DirectiveCall, rows: unknown[][], headerRows: number, stubColumns: number): void {
  if (rows.length < headerRows) {
    throw fail(call, ERROR, `${headerRows} header row(s) specified but only ${rows.length} row(s) of data supplied ("${call.name}" directive).`);
  }
  if (rows.length === headerRows && headerRows > 0) {
    throw fail(call, ERROR, `Insufficient data supplied (${rows.length} row(s)); no data remaining for table body, required by "${call.name}" directive.`);
  }
  for (const row of rows) {
    if (row.length < stubColumns) {
      throw fail(call, ERROR, `${stubColumns} stub column(s) specified but only ${row.length} columns(s) of data supplied ("${call.name}" directive).`);
    }
    if (row.length === stubColumns && stubColumns > 0) {
      throw fail(call, ERROR, `Insufficient data supplied (${row.length} columns(s)); no data remaining for table body, required by "${call.name}" directive.`);
    }
  }
}

function widthsOption(call: DirectiveCall): "auto" | "grid" | number[] | null {
  const w = call.options.widths;
  if (w === "auto" || w === "grid" || Array.isArray(w)) return w as "auto" | "grid" | number[];
  return null;
}

function getColumnWidths(call: DirectiveCall, nCols: number): number[] {
  const widths = widthsOption(call);
  if (Array.isArray(widths)) {
    if (widths.length !== nCols) {
      throw fail(call, ERROR, `"${call.name}" widths do not match the number of columns in table (${nCols}).`);
    }
    return widths;
  }
  if (nCols) return new Array<number>(nCols).fill(Math.floor(100 / nCols));
  throw fail(call, ERROR, "No table data detected in CSV file.");
}

function finishTable(call: DirectiveCall, table: Element, title: Element | null, messages: Element[], alignFirst: boolean): Node[] {
  const applyAlign = () => {
    if (typeof call.options.align === "string") table.set("align", call.options.align);
  };
  if (alignFirst) applyAlign();
  table.classes.push(...((call.options.class as string[] | undefined) ?? []));
  if (!alignFirst) applyAlign();
  if (typeof call.options.width === "string") table.set("width", call.options.width);
  addName(call, table);
  if (title) table.insert(0, title);
  return [table, ...messages];
}

const TABLE = directive({
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: {
    class: classOption,
    name: unchanged,
    align,
    width: lengthOrPercentageOrUnitlessOption,
    widths: valueOr(["auto", "grid"], positiveIntList),
  },
  hasContent: true,
  run(call) {
    if (!call.content.length) {
      return [blockMessage(call, WARNING, `Content block expected for the "${call.name}" directive; none found.`)];
    }
    const [title, messages] = makeTitle(call);
    const container = new Element("container");
    call.ctx.nestedParse(call.content, call.contentOffset, container);
    const table = container.children[0];
    if (container.length !== 1 || !(table instanceof Element) || table.tagname !== "table") {
      return [blockMessage(call, ERROR, `Error parsing content block for the "${call.name}" directive: exactly one table expected.`)];
    }
    table.classes.push(...((call.options.class as string[] | undefined) ?? []));
    if (typeof call.options.width === "string") table.set("width", call.options.width);
    if (typeof call.options.align === "string") table.set("align", call.options.align);
    const widths = widthsOption(call);
    if (Array.isArray(widths)) {
      const tgroup = table.children[0] as Element;
      let colWidths: number[];
      try {
        colWidths = getColumnWidths(call, Number(tgroup.get("cols")));
      } catch (e) {
        if (e instanceof Propagate) return [e.message];
        throw e;
      }
      const colspecs = tgroup.children.filter((c): c is Element => c instanceof Element && c.tagname === "colspec");
      colspecs.forEach((colspec, i) => {
        if (i < colWidths.length) colspec.set("colwidth", colWidths[i]);
      });
    }
    if (widths === "auto") table.classes.push("colwidths-auto");
    else if (widths) table.classes.push("colwidths-given");
    addName(call, table);
    if (title) table.insert(0, title);
    return [table, ...messages];
  },
});

function csvDialect(options: Record<string, unknown>, header: boolean): CsvDialect {
  const d: CsvDialect = {
    delimiter: typeof options.delim === "string" ? options.delim : ",",
    quotechar: typeof options.quote === "string" ? options.quote : '"',
    doublequote: true,
    escapechar: null,
    skipinitialspace: !("keepspace" in options),
    strict: true,
  };
  if (typeof options.escape === "string") {
    d.doublequote = false;
    d.escapechar = options.escape;
  }
  if (header) {
    d.escapechar = "\\";
    d.doublequote = false;
  }
  return d;
}

function csvRows(lines: string[], dialect: CsvDialect): [Row[], number] {
  const rows: Row[] = [];
  let maxCols = 0;
  for (const fields of readCsv(lines, dialect)) {
    rows.push(fields.map((cell) => [0, 0, 0, cell.split(/\r\n|\n|\r/).filter((_, i, a) => i < a.length - 1 || a[i] !== "")]));
    maxCols = Math.max(maxCols, fields.length);
  }
  return [rows, maxCols];
}

function csvData(call: DirectiveCall): string[] {
  const { options } = call;
  if (call.content.length) {
    if ("file" in options || "url" in options) {
      throw fail(call, ERROR, `"${call.name}" directive may not both specify an external file and have content.`);
    }
    return call.content;
  }
  if (typeof options.file === "string") {
    if ("url" in options) {
      throw fail(call, ERROR, `The "file" and "url" options may not be simultaneously specified for the "${call.name}" directive.`);
    }
    const settings = call.ctx.document.settings;
    const resolved = resolveInsidePath(settings.includeRoot, options.file);
    if (!resolved.ok) throw fail(call, SEVERE, `Problems with "${call.name}" directive path:\n${resolved.error}.`);
    try {
      return readFileSync(resolved.path, "utf8").split(/\r\n|\n|\r/).filter((l, i, a) => i < a.length - 1 || l !== "");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "EIO";
      throw fail(call, SEVERE, `Problems with "${call.name}" directive path:\n${code}: ${options.file}.`);
    }
  }
  throw fail(call, WARNING, `The "${call.name}" directive requires content; none supplied.`);
}

const CSV_TABLE = directive({
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: {
    "header-rows": nonnegativeInt,
    "stub-columns": nonnegativeInt,
    header: unchanged,
    width: lengthOrPercentageOrUnitlessOption,
    widths: valueOr(["auto"], positiveIntList),
    file: path,
    url: uri,
    encoding,
    class: classOption,
    name: unchanged,
    align,
    delim: singleCharOrWhitespaceOrUnicode,
    keepspace: flag,
    quote: singleCharOrUnicode,
    escape: singleCharOrUnicode,
  },
  hasContent: true,
  run(call) {
    const { options } = call;
    let title: Element | null;
    let messages: Element[];
    let colWidths: number[];
    let head: Row[];
    let body: Row[];
    let stubColumns: number;
    try {
      // Reading files is allowed only with file insertion enabled; URLs are never fetched.
      if ("url" in options || ("file" in options && !call.ctx.document.settings.fileInsertionEnabled)) {
        return [blockMessage(call, WARNING, `File and URL access deactivated; ignoring "${call.name}" directive.`)];
      }
      [title, messages] = makeTitle(call);
      const data = csvData(call);
      head = [];
      let maxHeaderCols = 0;
      if (typeof options.header === "string") {
        [head, maxHeaderCols] = csvRows(options.header.split("\n"), csvDialect(options, true));
      }
      const [rows, maxDataCols] = csvRows(data, csvDialect(options, false));
      const maxCols = Math.max(maxDataCols, maxHeaderCols);
      const headerRows = (options["header-rows"] as number | undefined) ?? 0;
      stubColumns = (options["stub-columns"] as number | undefined) ?? 0;
      checkTableDimensions(call, rows, headerRows, stubColumns);
      pushAll(head, rows.slice(0, headerRows));
      body = rows.slice(headerRows);
      colWidths = getColumnWidths(call, maxCols);
      for (const row of [...head, ...body]) while (row.length < maxCols) row.push([0, 0, 0, []]);
    } catch (e) {
      if (e instanceof Propagate) return [e.message];
      if (e instanceof CsvError) {
        return [blockMessage(call, ERROR, `Error with CSV data in "${call.name}" directive:\n${e.message}`)];
      }
      throw e;
    }
    // docutils passes the content offset where build_table expects a table line; cell messages follow from that.
    const table = buildTable(call.ctx, { colwidths: colWidths, headrows: head, bodyrows: body }, call.contentOffset, stubColumns, widthsOption(call));
    return finishTable(call, table, title, messages, false);
  },
});

const LIST_TABLE = directive({
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: {
    "header-rows": nonnegativeInt,
    "stub-columns": nonnegativeInt,
    width: lengthOrPercentageOrUnitlessOption,
    widths: valueOr(["auto"], positiveIntList),
    class: classOption,
    name: unchanged,
    align,
  },
  hasContent: true,
  run(call) {
    if (!call.content.length) {
      return [blockMessage(call, ERROR, `The "${call.name}" directive is empty; content required.`)];
    }
    const [title, messages] = makeTitle(call);
    const container = new Element("container");
    call.ctx.nestedParse(call.content, call.contentOffset, container);
    let colWidths: number[];
    let data: Node[][][];
    const headerRows = (call.options["header-rows"] as number | undefined) ?? 0;
    let stubColumns = (call.options["stub-columns"] as number | undefined) ?? 0;
    try {
      const list = container.children[0];
      if (container.length !== 1 || !(list instanceof Element) || list.tagname !== "bullet_list") {
        throw fail(call, ERROR, `Error parsing content block for the "${call.name}" directive: exactly one bullet list expected.`);
      }
      let numCols = 0;
      list.children.forEach((itemNode, index) => {
        const item = itemNode as Element;
        const sub = item.children[0];
        if (item.length !== 1 || !(sub instanceof Element) || sub.tagname !== "bullet_list") {
          throw fail(call, ERROR, `Error parsing content block for the "${call.name}" directive: two-level bullet list expected, but row ${index + 1} does not contain a second-level bullet list.`);
        }
        if (index) {
          if (sub.length !== numCols) {
            throw fail(call, ERROR, `Error parsing content block for the "${call.name}" directive: uniform two-level bullet list expected, but row ${index + 1} does not contain the same number of items as row 1 (${sub.length} vs ${numCols}).`);
          }
        } else numCols = sub.length;
      });
      colWidths = getColumnWidths(call, numCols);
      data = list.children.map((item) => ((item as Element).children[0] as Element).children.map((cell) => [...(cell as Element).children]));
      checkTableDimensions(call, data, headerRows, stubColumns);
    } catch (e) {
      if (e instanceof Propagate) return [e.message];
      throw e;
    }
    const table = new Element("table");
    const widths = widthsOption(call);
    if (widths === "auto") table.classes.push("colwidths-auto");
    else if (widths) table.classes.push("colwidths-given");
    const tgroup = new Element("tgroup", { cols: colWidths.length });
    table.append(tgroup);
    for (const colwidth of colWidths) {
      const colspec = new Element("colspec", { colwidth });
      if (stubColumns) {
        colspec.set("stub", 1);
        stubColumns--;
      }
      tgroup.append(colspec);
    }
    const rows = data.map((cells) => new Element("row", {}, cells.map((cell) => new Element("entry", {}, cell))));
    if (headerRows) tgroup.append(new Element("thead", {}, rows.slice(0, headerRows)));
    tgroup.append(new Element("tbody", {}, rows.slice(headerRows)));
    return finishTable(call, table, title, messages, true);
  },
});

export const TABLE_DIRECTIVES: Record<string, DirectiveDefinition> = {
  table: TABLE,
  "csv-table": CSV_TABLE,
  "list-table": LIST_TABLE,
};
