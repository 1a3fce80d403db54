// Mapping offsets inside a YAML string value back to offsets in the YAML file.
// A JSON example written as a literal block scalar (`|` / `|-`) keeps its lines
// one to one, shifted by the block's indentation; a quoted or plain scalar on one
// line without escapes keeps its characters one to one. Anything else (folded
// blocks, escapes, multi-line plain scalars) cannot be mapped exactly and the
// caller falls back to the start of the scalar.

/** File offset for an offset inside the string value, or undefined when unknown. */
export type OffsetMap = (offset: number) => number | undefined;

export function mapLiteralOffset(text: string, type: string, start: number, valueEnd: number, value: string): OffsetMap {
  const checked = (map: (o: number) => number | undefined): OffsetMap => (offset) => {
    const at = map(offset);
    // Only trust the mapping when it lands on the same character.
    return at !== undefined && offset < value.length && text[at] === value[offset] ? at : undefined;
  };
  if (type === "BLOCK_LITERAL") {
    const headerEnd = text.indexOf("\n", start);
    if (headerEnd === -1 || /\d/.test(text.slice(start, headerEnd).replace(/#.*$/, ""))) return () => undefined;
    const contentStart = headerEnd + 1;
    const indent = /^[ ]*(?=[^ \r\n])/m.exec(text.slice(contentStart, valueEnd + 1))?.[0].length;
    if (indent === undefined) return () => undefined;
    return checked((offset) => {
      let line = 0;
      let lineStartInValue = 0;
      for (let i = value.indexOf("\n"); i !== -1 && i < offset; i = value.indexOf("\n", i + 1)) {
        line++;
        lineStartInValue = i + 1;
      }
      let lineStart = contentStart;
      for (let k = 0; k < line; k++) {
        const nl = text.indexOf("\n", lineStart);
        if (nl === -1) return undefined;
        lineStart = nl + 1;
      }
      return lineStart + indent + (offset - lineStartInValue);
    });
  }
  const raw = text.slice(start, valueEnd);
  if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") {
    return raw.slice(1, -1) === value ? checked((o) => start + 1 + o) : () => undefined;
  }
  if (type === "PLAIN") return raw === value ? checked((o) => start + o) : () => undefined;
  return () => undefined;
}
