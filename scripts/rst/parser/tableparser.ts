// Grid and simple table layout analysis (docutils' tableparser.py): from the
// lines of a table to column widths and rows of cells (morerows, morecols,
// line offset, cell lines).
import { isCombining, pyRstrip } from "./lines.ts";
import { pushAll } from "../arrays.ts";

export const DOUBLE_WIDTH_PAD = "\x00";

/** A cell: extra rows spanned, extra columns spanned, line offset in the table, text lines. */
export type Cell = [number, number, number, string[]];
export type Row = Array<Cell | null>;
export interface TableData {
  colwidths: number[];
  headrows: Row[];
  bodyrows: Row[];
}

export class TableMarkupError {
  constructor(
    readonly message: string,
    readonly offset = 0,
  ) {}
}

/** String indices of the columns of a line, skipping combining characters (docutils' column_indices). */
const MAYBE_COMBINING = /[\u0300-\uffff]/;

function columnIndices(text: string): number[] | null {
  if (!MAYBE_COMBINING.test(text)) return null;
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (!isCombining(text[i])) out.push(i);
  return out;
}

/** The rectangle [top, bottom) × [left, right) of `lines`, common indentation removed (StringList.get_2D_block). */
export function get2DBlock(lines: readonly string[], top: number, left: number, bottom: number, right: number): string[] {
  const block = lines.slice(top, bottom);
  let indent = right;
  for (let i = 0; i < block.length; i++) {
    const ci = columnIndices(block[i]);
    const l = ci === null ? left : left < ci.length ? ci[left] : left + block[i].length - ci.length;
    const r = ci === null ? right : right < ci.length ? ci[right] : right + block[i].length - ci.length;
    const line = pyRstrip(block[i].slice(l, r));
    block[i] = line;
    if (line) indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (indent > 0 && indent < right) return block.map((l) => l.slice(indent));
  return block;
}

function removePad(lines: string[]): string[] {
  return lines.map((l) => (l.includes(DOUBLE_WIDTH_PAD) ? l.split(DOUBLE_WIDTH_PAD).join("") : l));
}

function addTo(master: Map<number, number[]>, data: Map<number, number[]>): void {
  for (const [k, v] of data) {
    const list = master.get(k);
    if (list) pushAll(list, v);
    else master.set(k, [...v]);
  }
}

const GRID_HEAD_SEP = /^\+=[=+]+=\+ *$/;

/** Finds the head/body separator line (checking there is at most one). */
function findHeadBodySep(block: string[], pattern: RegExp, original: string[] | null = null): number | null {
  let sep: number | null = null;
  let i = 0;
  for (i = 0; i < block.length; i++) {
    if (pattern.test(block[i])) {
      if (sep) {
        throw new TableMarkupError(
          `Multiple head/body row separators (table lines ${sep + 1} and ${i + 1}); only one allowed.`,
          i,
        );
      }
      sep = i;
      block[i] = block[i].replace(/=/g, "-");
      if (original) original[i] = original[i].replace(/=/g, "-");
    }
  }
  if (sep === 0 || sep === block.length - 1) {
    throw new TableMarkupError("The head/body row separator may not be the first or last line of the table.", i);
  }
  return sep;
}

/** A line without its combining characters: one character per text column. */
export function stripCombining(line: string): string {
  if (!MAYBE_COMBINING.test(line)) return line;
  let out = "";
  for (const ch of line) if (!isCombining(ch)) out += ch;
  return out;
}

export function parseGridTable(input: readonly string[]): TableData {
  // The layout is analyzed on lines without combining characters; cell text
  // is cut from the original lines.
  const original = [...input];
  const block = original.map(stripCombining);
  const bottom = block.length - 1;
  const right = block[0].length - 1;
  const done = new Array<number>(block[0].length).fill(-1);
  const cells: Array<[number, number, number, number, string[]]> = [];
  const rowseps = new Map<number, number[]>([[0, [0]]]);
  const colseps = new Map<number, number[]>([[0, [0]]]);
  const headBodySep = findHeadBodySep(block, GRID_HEAD_SEP, original);
  const ch = (r: number, c: number): string => block[r][c] ?? "";

  const scanUp = (top: number, left: number, bot: number): Map<number, number[]> | null => {
    const seps = new Map<number, number[]>();
    for (let i = bot - 1; i > top; i--) {
      const c = ch(i, left);
      if (c === "+") seps.set(i, [left]);
      else if (c !== "|") return null;
    }
    return seps;
  };
  const scanLeft = (top: number, left: number, bot: number, rt: number): [Map<number, number[]>, Map<number, number[]>] | null => {
    const cseps = new Map<number, number[]>();
    for (let i = rt - 1; i > left; i--) {
      const c = ch(bot, i);
      if (c === "+") cseps.set(i, [bot]);
      else if (c !== "-") return null;
    }
    if (ch(bot, left) !== "+") return null;
    const r = scanUp(top, left, bot);
    return r === null ? null : [r, cseps];
  };
  const scanDown = (top: number, left: number, rt: number): [number, Map<number, number[]>, Map<number, number[]>] | null => {
    const rseps = new Map<number, number[]>();
    for (let i = top + 1; i <= bottom; i++) {
      const c = ch(i, rt);
      if (c === "+") {
        rseps.set(i, [rt]);
        const r = scanLeft(top, left, i, rt);
        if (r) {
          addTo(rseps, r[0]);
          return [i, rseps, r[1]];
        }
      } else if (c !== "|") return null;
    }
    return null;
  };
  const scanRight = (top: number, left: number): [number, number, Map<number, number[]>, Map<number, number[]>] | null => {
    const cseps = new Map<number, number[]>();
    const line = block[top];
    for (let i = left + 1; i <= right; i++) {
      if (line[i] === "+") {
        cseps.set(i, [top]);
        const r = scanDown(top, left, i);
        if (r) {
          addTo(cseps, r[2]);
          return [r[0], i, r[1], cseps];
        }
      } else if (line[i] !== "-") return null;
    }
    return null;
  };

  const corners: Array<[number, number]> = [[0, 0]];
  while (corners.length) {
    const [top, left] = corners.shift()!;
    if (top === bottom || left === right || top <= done[left]) continue;
    if (ch(top, left) !== "+") continue;
    const result = scanRight(top, left);
    if (!result) continue;
    const [bot, rt, rseps, cseps] = result;
    addTo(rowseps, rseps);
    addTo(colseps, cseps);
    for (let col = left; col < rt; col++) done[col] = bot - 1;
    const cellblock = removePad(get2DBlock(original, top + 1, left + 1, bot, rt));
    cells.push([top, left, bot, rt, cellblock]);
    corners.push([top, rt], [bot, left]);
    corners.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }
  for (let col = 0; col < right; col++) {
    if (done[col] !== bottom - 1) throw new TableMarkupError("Malformed table; parse incomplete.");
  }

  const rowList = [...rowseps.keys()].sort((a, b) => a - b);
  const rowIndex = new Map(rowList.map((r, i) => [r, i]));
  const colList = [...colseps.keys()].sort((a, b) => a - b);
  const colIndex = new Map(colList.map((c, i) => [c, i]));
  const colwidths = colList.slice(1).map((c, i) => c - colList[i] - 1);
  const rows: Row[] = [];
  for (let i = 0; i < rowList.length - 1; i++) rows.push(new Array<Cell | null>(colList.length - 1).fill(null));
  let remaining = (rowList.length - 1) * (colList.length - 1);
  for (const [top, left, bot, rt, cellblock] of cells) {
    const rownum = rowIndex.get(top)!;
    const colnum = colIndex.get(left)!;
    if (rows[rownum]?.[colnum] !== null) throw new TableMarkupError("Malformed table; parse incomplete.");
    const morerows = rowIndex.get(bot)! - rownum - 1;
    const morecols = colIndex.get(rt)! - colnum - 1;
    remaining -= (morerows + 1) * (morecols + 1);
    rows[rownum][colnum] = [morerows, morecols, top + 1, cellblock];
  }
  if (remaining !== 0) throw new TableMarkupError("Malformed table; parse incomplete.");
  if (headBodySep) {
    const n = rowIndex.get(headBodySep)!;
    return { colwidths, headrows: rows.slice(0, n), bodyrows: rows.slice(n) };
  }
  return { colwidths, headrows: [], bodyrows: rows };
}

const SIMPLE_HEAD_SEP = /^=[ =]*$/;
const SPAN = /^-[ -]*$/;

export function parseSimpleTable(input: readonly string[]): TableData {
  const block = [...input];
  block[0] = block[0].replace(/=/g, "-");
  block[block.length - 1] = block[block.length - 1].replace(/=/g, "-");
  const headBodySep = findHeadBodySep(block, SIMPLE_HEAD_SEP);
  let columns: Array<[number, number]> = [];
  let borderEnd = 0;
  const table: Cell[][] = [];

  const parseColumns = (line: string, offset: number): Array<[number, number]> => {
    const cols: Array<[number, number]> = [];
    let end = 0;
    for (;;) {
      const begin = line.indexOf("-", end);
      end = begin < 0 ? -1 : line.indexOf(" ", begin);
      if (begin < 0) break;
      if (end < 0) end = line.length;
      cols.push([begin, end]);
    }
    if (columns.length) {
      if (cols[cols.length - 1][1] !== borderEnd) {
        throw new TableMarkupError(`Column span incomplete in table line ${offset + 1}.`, offset);
      }
      cols[cols.length - 1] = [cols[cols.length - 1][0], columns[columns.length - 1][1]];
    }
    return cols;
  };

  const initRow = (colspec: Array<[number, number]>, offset: number): Cell[] => {
    let i = 0;
    const cells: Cell[] = [];
    for (const [start, end] of colspec) {
      let morecols = 0;
      if (i >= columns.length || start !== columns[i][0]) {
        throw new TableMarkupError(`Column span alignment problem in table line ${offset + 2}.`, offset + 1);
      }
      while (end !== columns[i][1]) {
        i++;
        morecols++;
        if (i >= columns.length) {
          throw new TableMarkupError(`Column span alignment problem in table line ${offset + 2}.`, offset + 1);
        }
      }
      cells.push([0, morecols, offset, []]);
      i++;
    }
    return cells;
  };

  const checkColumns = (lines: string[], firstLine: number, cols: Array<[number, number | null]>): void => {
    cols.push([Number.MAX_SAFE_INTEGER, null]);
    const lastcol = cols.length - 2;
    const stripped = lines.map((l) => [...l].filter((c) => !isCombining(c)).join(""));
    for (let i = 0; i < cols.length - 1; i++) {
      const [start, end] = cols[i] as [number, number];
      const nextstart = cols[i + 1][0];
      let offset = 0;
      for (const line of stripped) {
        if (i === lastcol && line.slice(end).trim()) {
          const text = pyRstrip(line.slice(start));
          const newEnd = start + text.length;
          const [mainStart, mainEnd] = columns[columns.length - 1];
          cols[i] = [start, Math.max(mainEnd, newEnd)];
          if (newEnd > mainEnd) columns[columns.length - 1] = [mainStart, newEnd];
        } else if (line.slice(end, nextstart).trim()) {
          throw new TableMarkupError(`Text in column margin in table line ${firstLine + offset + 1}.`, firstLine + offset);
        }
        offset++;
      }
    }
    cols.pop();
  };

  const parseRow = (lines: string[], start: number, spanline: [string, number] | null): void => {
    if (!lines.length && !spanline) return;
    const cols: Array<[number, number]> = spanline ? parseColumns(spanline[0], spanline[1]) : columns.map((c) => [c[0], c[1]]);
    checkColumns(lines, start, cols);
    const row = initRow(cols, start);
    for (let i = 0; i < cols.length; i++) {
      const [s, e] = cols[i];
      row[i][3] = removePad(get2DBlock(lines, 0, s, lines.length, e));
    }
    table.push(row);
  };

  columns = parseColumns(block[0], 0);
  borderEnd = columns[columns.length - 1][1];
  const [firststart, firstend] = columns[0];
  let offset = 1;
  let start = 1;
  let textFound = false;
  while (offset < block.length) {
    const line = block[offset];
    if (SPAN.test(line)) {
      parseRow(block.slice(start, offset), start, [pyRstrip(line), offset]);
      start = offset + 1;
      textFound = false;
    } else if (line.slice(firststart, firstend).trim()) {
      if (textFound && offset !== start) parseRow(block.slice(start, offset), start, null);
      start = offset;
      textFound = true;
    } else if (!textFound) {
      start = offset + 1;
    }
    offset++;
  }

  const colwidths = columns.map(([s, e]) => e - s);
  let firstBodyRow = 0;
  if (headBodySep) {
    for (let i = 0; i < table.length; i++) {
      if (table[i][0][2] > headBodySep) {
        firstBodyRow = i;
        break;
      }
    }
  }
  return { colwidths, headrows: table.slice(0, firstBodyRow), bodyrows: table.slice(firstBodyRow) };
}
