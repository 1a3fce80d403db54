// The files a piece of output depends on: a file and every file its `$ref`s
// reach, as the SourceCache resolved them. The checks' kept results
// (../check/kept-units.ts) and the kept endpoint units of the variables
// (../variables/kept-parts.ts) are stale when one of them changed.
import { createHash } from "node:crypto";
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

/** The digest of every loaded file's text, by path; made once per load. */
const digests = new WeakMap<SourceCache, Map<string, string>>();

function digestsOf(cache: SourceCache): Map<string, string> {
  let map = digests.get(cache);
  if (!map) {
    map = new Map(cache.loadedFiles().map((f) => [f.path, createHash("sha256").update(f.text).digest("hex")]));
    digests.set(cache, map);
  }
  return map;
}

/** What `paths` read, for a key: every file of their closure with the digest of its text (null: not loaded). */
export function closureDigests(cache: SourceCache, paths: readonly string[]): [string, string | null][] {
  const files = digestsOf(cache);
  return [...refClosure(cache, paths)].sort().map((p) => [p, files.get(p) ?? null]);
}
