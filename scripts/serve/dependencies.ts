// Whether any of the files a piece of output depends on (../sources/ref-closure.ts)
// changed since it was made. A cached piece keeps the text of each dependency as
// it was when it was made; it is stale when one differs.

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
