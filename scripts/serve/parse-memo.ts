// Parsed YAML/JSON kept in memory for the life of a preview: a file whose text did
// not change is not parsed again, so reloading the sources after an edit costs one
// parse. Backed by the on-disk ParseCache, so the first load of a session is as
// fast as a warm `matrix-doc build`.
import type { DataKind, Parsed, ParseMemo } from "../sources/data-file.ts";
import type { ParseCache } from "../sources/parse-cache.ts";

export class MemoryParseMemo implements ParseMemo {
  private entries = new Map<string, Parsed>();
  /** The entries asked for since `sweep`: the texts the tree holds now. */
  private used = new Map<string, Parsed>();

  constructor(private disk?: ParseCache) {}

  get(kind: DataKind, text: string): Parsed | undefined {
    const key = kind + "\u0000" + text;
    const hit = this.used.get(key) ?? this.entries.get(key) ?? this.disk?.get(kind, text);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(kind: DataKind, text: string, parsed: Parsed): void {
    this.used.set(kind + "\u0000" + text, parsed);
    this.disk?.set(kind, text, parsed);
  }

  /** Keeps only what was asked for or added since the last sweep (call after each load): old versions of edited files go. */
  sweep(): void {
    this.entries = this.used;
    this.used = new Map();
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
