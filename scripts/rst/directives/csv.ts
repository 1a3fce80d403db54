// A CSV reader with the rules of Python's csv module (the dialect options docutils'
// csv-table uses: delimiter, quotechar, doublequote, escapechar, skipinitialspace,
// strict), fed line by line as docutils feeds it. One pass, one character at a time.

export interface CsvDialect {
  delimiter: string;
  quotechar: string;
  doublequote: boolean;
  escapechar: string | null;
  skipinitialspace: boolean;
  strict: boolean;
}

/** Raised for malformed data, with Python's csv.Error message. */
export class CsvError extends Error {}

const enum S {
  StartRecord,
  StartField,
  EscapedChar,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatCrnl,
  AfterEscapedCrnl,
}

const EOL = null;

/** Parses the lines (each gets "\n" appended, as docutils does) into rows of fields. */
export function readCsv(lines: string[], d: CsvDialect): string[][] {
  const rows: string[][] = [];
  let state = S.StartRecord;
  let fields: string[] = [];
  let field = "";
  let fieldLen = 0;
  const save = () => {
    fields.push(field);
    field = "";
    fieldLen = 0;
  };
  const add = (c: string) => {
    field += c;
    fieldLen++;
  };
  const process = (c: string | null): void => {
    switch (state) {
      case S.StartRecord:
        if (c === EOL) return;
        if (c === "\n" || c === "\r") {
          state = S.EatCrnl;
          return;
        }
        state = S.StartField;
      // falls through
      case S.StartField:
        if (c === "\n" || c === "\r" || c === EOL) {
          save();
          state = c === EOL ? S.StartRecord : S.EatCrnl;
        } else if (c === d.quotechar) {
          state = S.InQuotedField;
        } else if (c === d.escapechar) {
          state = S.EscapedChar;
        } else if (c === " " && d.skipinitialspace) {
          // skip leading space
        } else if (c === d.delimiter) {
          save();
        } else {
          add(c);
          state = S.InField;
        }
        return;
      case S.EscapedChar:
        if (c === "\n" || c === "\r") {
          add(c);
          state = S.AfterEscapedCrnl;
          return;
        }
        add(c === EOL ? "\n" : c);
        state = S.InField;
        return;
      case S.AfterEscapedCrnl:
        if (c === EOL) return;
        state = S.InField;
      // falls through
      case S.InField:
        if (c === "\n" || c === "\r" || c === EOL) {
          save();
          state = c === EOL ? S.StartRecord : S.EatCrnl;
        } else if (c === d.escapechar) {
          state = S.EscapedChar;
        } else if (c === d.delimiter) {
          save();
          state = S.StartField;
        } else {
          add(c);
        }
        return;
      case S.InQuotedField:
        if (c === EOL) return;
        if (c === d.escapechar) state = S.EscapeInQuotedField;
        else if (c === d.quotechar) state = d.doublequote ? S.QuoteInQuotedField : S.InField;
        else add(c);
        return;
      case S.EscapeInQuotedField:
        add(c === EOL ? "\n" : c);
        state = S.InQuotedField;
        return;
      case S.QuoteInQuotedField:
        if (c === d.quotechar) {
          add(c);
          state = S.InQuotedField;
        } else if (c === d.delimiter) {
          save();
          state = S.StartField;
        } else if (c === "\n" || c === "\r" || c === EOL) {
          save();
          state = c === EOL ? S.StartRecord : S.EatCrnl;
        } else if (!d.strict) {
          add(c);
          state = S.InField;
        } else {
          throw new CsvError(`'${d.delimiter}' expected after '${d.quotechar}'`);
        }
        return;
      case S.EatCrnl:
        if (c === "\n" || c === "\r") return;
        if (c === EOL) {
          state = S.StartRecord;
          return;
        }
        throw new CsvError("new-line character seen in unquoted field - do you need to open the file with newline=''?");
    }
  };
  for (const line of lines) {
    for (const c of line + "\n") process(c);
    process(EOL);
    if (state === S.StartRecord) {
      rows.push(fields);
      fields = [];
    }
  }
  if (state !== S.StartRecord && (fieldLen !== 0 || state === S.InQuotedField)) {
    if (d.strict) throw new CsvError("unexpected end of data");
    save();
    rows.push(fields);
  }
  return rows;
}
