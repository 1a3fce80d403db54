// Where a value of a dereferenced source came from: a pointer into the
// dereferenced document is traced through its `$ref`s back to the file and line
// that wrote it, so generated RST can be reported at that place.
import type { Origin } from "../../diagnostics/line-map.ts";
import type { DataFile } from "../../sources/data-file.ts";
import { trace } from "../../sources/refs.ts";
import type { SourceCache } from "../../sources/source-cache.ts";

/**
 * Maps a pointer into one dereferenced document to the file:line where it is
 * written; `lines` gives the origin of each line of a string value.
 */
export interface Locator {
  (pointer: string): Origin;
  lines(pointer: string): Origin[] | undefined;
}

export function locatorFor(cache: SourceCache, file: DataFile, base = ""): Locator {
  const seen = new Map<string, Origin>();
  const locate = (pointer: string): Origin => {
    const full = base + pointer;
    let origin = seen.get(full);
    if (!origin) {
      const at = trace(cache, file, full);
      origin = { file: at.file.path, line: at.file.locate(at.pointer).line };
      seen.set(full, origin);
    }
    return origin;
  };
  return Object.assign(locate, { lines: (pointer: string) => textLineOrigins(cache, file, base + pointer) });
}

/**
 * The origin of each line of the string at `pointer` (e.g. a JSON example written
 * as a YAML block scalar), so that a code block made of it maps line by line;
 * undefined when the string cannot be mapped exactly.
 */
export function textLineOrigins(cache: SourceCache, file: DataFile, pointer: string): Origin[] | undefined {
  const at = trace(cache, file, pointer);
  const embedded = at.file.embeddedText(at.pointer);
  if (!embedded) return undefined;
  const origins: Origin[] = [];
  let offset = 0;
  for (const line of embedded.text.split("\n")) {
    const fileOffset = embedded.map(offset) ?? embedded.start;
    origins.push({ file: at.file.path, line: at.file.position(fileOffset).line });
    offset += line.length + 1;
  }
  return origins;
}
