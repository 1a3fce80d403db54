// The files a piece of output depends on: a file and every file its `$ref`s
// reach, as the SourceCache resolved them. The checks' kept results
// (../check/kept-units.ts) are stale when one of them changed.
import type { DataFile } from "./data-file.ts";
import type { SourceCache } from "./source-cache.ts";

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
