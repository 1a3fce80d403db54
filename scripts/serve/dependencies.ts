// Which source files a piece of output depends on, and whether any of them
// changed since it was made. A file's dependencies are the file and every file its
// `$ref`s reach, as the SourceCache resolved them. A cached piece keeps the text
// of each dependency as it was when it was made; it is stale when one differs.
import type { DataFile } from "../sources/data-file.ts";
import type { SourceCache } from "../sources/source-cache.ts";

/** The file at `path` (root-relative) and every file its `$ref`s reach, directly or not. */
export function refClosure(cache: SourceCache, paths: readonly string[]): Set<string> {
  const byPath = new Map(cache.loadedFiles().map((f) => [f.path, f]));
  const seen = new Set<string>();
  const visit = (file: DataFile) => {
    if (seen.has(file.path)) return;
    seen.add(file.path);
    for (const site of cache.sitesOf(file)) {
      const target = cache.isBroken(site) ? undefined : cache.resolve(site);
      if (target) visit(target.file);
    }
  };
  for (const p of paths) {
    const file = byPath.get(p);
    if (file) visit(file);
    else seen.add(p);
  }
  return seen;
}

/** The text of each dependency, as it is now (undefined for a file that is not loaded). */
export type Snapshot = Map<string, string | undefined>;

export function snapshot(deps: Iterable<string>, texts: ReadonlyMap<string, string>): Snapshot {
  const s: Snapshot = new Map();
  for (const d of deps) s.set(d, texts.get(d));
  return s;
}

/** Whether every dependency still has the text it had. */
export function unchanged(s: Snapshot, texts: ReadonlyMap<string, string>): boolean {
  for (const [path, text] of s) if (texts.get(path) !== text) return false;
  return true;
}
