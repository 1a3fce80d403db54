// Where `include` (and csv-table's "file" option) may read: only files inside
// settings.includeRoot, after resolving "..", symbolic links and absolute paths.
import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";

export type ResolvedPath = { ok: true; path: string } | { ok: false; error: string };

/** Resolves `requested` against `root` and checks that the result stays inside `root`. */
export function resolveInsidePath(root: string | null, requested: string): ResolvedPath {
  if (!root) return { ok: false, error: "no include root is configured" };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { ok: false, error: `include root not found: ${root}` };
  }
  const candidate = resolve(realRoot, requested);
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return { ok: false, error: `[Errno 2] No such file or directory: '${requested}'` };
  }
  const rel = relative(realRoot, real);
  if (rel === "" || rel.startsWith(".." + sep) || rel === ".." || isAbsolute(rel)) {
    return { ok: false, error: `"${requested}" is outside the include root` };
  }
  return { ok: true, path: real };
}
