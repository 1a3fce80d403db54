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
const isNewline = (c: string | null) => c === "\n" || c === "\r";

/** Parses the lines (each gets "\n" appended, as docutils does) into rows of fields. */
export function readCsv(lines: string[], d: CsvDialect): string[][] {
  const reader = new CsvReader(d);
  for (const line of lines) reader.line(line);
  return reader.end();
}

/** Python's csv reader as a state machine fed one character at a time (EOL ends each line). */
class CsvReader {
  private readonly rows: string[][] = [];
  private state = S.StartRecord;
  private fields: string[] = [];
  private field = "";
  private fieldLen = 0;

  constructor(private readonly d: CsvDialect) {}

  line(line: string): void {
    for (const c of line + "\n") this.process(c);
    this.process(EOL);
    if (this.state === S.StartRecord) {
      this.rows.push(this.fields);
      this.fields = [];
    }
  }

  end(): string[][] {
    if (this.state !== S.StartRecord && (this.fieldLen !== 0 || this.state === S.InQuotedField)) {
      if (this.d.strict) throw new CsvError("unexpected end of data");
      this.save();
      this.rows.push(this.fields);
    }
    return this.rows;
  }

  private save(): void {
    this.fields.push(this.field);
    this.field = "";
    this.fieldLen = 0;
  }

  private add(c: string): void {
    this.field += c;
    this.fieldLen++;
  }

  /** After a field's end: a new line starts eating the line break, EOL a new record. */
  private endRecord(c: string | null): void {
    this.save();
    this.state = c === EOL ? S.StartRecord : S.EatCrnl;
  }

  private process(c: string | null): void {
    switch (this.state) {
      case S.StartRecord:
        if (c === EOL) return;
        if (isNewline(c)) {
          this.state = S.EatCrnl;
          return;
        }
        this.state = S.StartField;
        return this.startField(c);
      case S.StartField:
        return this.startField(c);
      case S.EscapedChar:
        if (isNewline(c)) {
          this.add(c!);
          this.state = S.AfterEscapedCrnl;
          return;
        }
        this.add(c === EOL ? "\n" : c);
        this.state = S.InField;
        return;
      case S.AfterEscapedCrnl:
        if (c === EOL) return;
        this.state = S.InField;
        return this.inField(c);
      case S.InField:
        return this.inField(c);
      case S.InQuotedField:
        if (c === EOL) return;
        if (c === this.d.escapechar) this.state = S.EscapeInQuotedField;
        else if (c === this.d.quotechar) this.state = this.d.doublequote ? S.QuoteInQuotedField : S.InField;
        else this.add(c);
        return;
      case S.EscapeInQuotedField:
        this.add(c === EOL ? "\n" : c);
        this.state = S.InQuotedField;
        return;
      case S.QuoteInQuotedField:
        return this.quoteInQuotedField(c);
      case S.EatCrnl:
        if (isNewline(c)) return;
        if (c === EOL) {
          this.state = S.StartRecord;
          return;
        }
        throw new CsvError("new-line character seen in unquoted field - do you need to open the file with newline=''?");
    }
  }

  private startField(c: string | null): void {
    const d = this.d;
    if (isNewline(c) || c === EOL) this.endRecord(c);
    else if (c === d.quotechar) this.state = S.InQuotedField;
    else if (c === d.escapechar) this.state = S.EscapedChar;
    else if (c === " " && d.skipinitialspace) {
      // skip leading space
    } else if (c === d.delimiter) this.save();
    else {
      this.add(c);
      this.state = S.InField;
    }
  }

  private inField(c: string | null): void {
    const d = this.d;
    if (isNewline(c) || c === EOL) this.endRecord(c);
    else if (c === d.escapechar) this.state = S.EscapedChar;
    else if (c === d.delimiter) {
      this.save();
      this.state = S.StartField;
    } else this.add(c);
  }

  /** A quote character inside a quoted field: doubled quote, end of the field, or an error when strict. */
  private quoteInQuotedField(c: string | null): void {
    const d = this.d;
    if (c === d.quotechar) {
      this.add(c);
      this.state = S.InQuotedField;
    } else if (c === d.delimiter) {
      this.save();
      this.state = S.StartField;
    } else if (isNewline(c) || c === EOL) this.endRecord(c);
    else if (!d.strict) {
      this.add(c);
      this.state = S.InField;
    } else {
      throw new CsvError(`'${d.delimiter}' expected after '${d.quotechar}'`);
    }
  }
}
