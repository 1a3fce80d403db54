// Parsed YAML/JSON kept in memory for the life of a preview: a file whose text did
// not change is not parsed again, so reloading the sources after an edit costs one
// parse. Backed by the on-disk ParseCache, so the first load of a session is as
// fast as a warm `matrix-doc build`.
import type { DataKind, Parsed, ParseMemo } from "../sources/data-file.ts";
import type { ParseCache } from "../sources/parse-cache.ts";

/** Entries kept at most; an editor's successive saves of one file add one each. */
const LIMIT = 4000;

export class MemoryParseMemo implements ParseMemo {
  private readonly entries = new Map<string, Parsed>();

  constructor(private disk?: ParseCache) {}

  get(kind: DataKind, text: string): Parsed | undefined {
    const key = kind + "\u0000" + text;
    const hit = this.entries.get(key);
    if (hit) return hit;
    const stored = this.disk?.get(kind, text);
    if (stored) this.entries.set(key, stored);
    return stored;
  }

  set(kind: DataKind, text: string, parsed: Parsed): void {
    if (this.entries.size >= LIMIT) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(kind + "\u0000" + text, parsed);
    this.disk?.set(kind, text, parsed);
  }

  /**
   * Writes what was parsed to the on-disk cache, and stops using it: after the
   * first load, edits are parsed once and kept in memory, and rewriting the
   * whole cache file after each would cost more than the parse.
   */
  detachDisk(): void {
    this.disk?.save();
    this.disk = undefined;
  }
}
