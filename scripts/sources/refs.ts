// Following `$ref`s through loaded files (see ./source-cache.ts for how a
// single `$ref` is resolved and checked):
// - `dereference` gives a value with every `$ref` replaced by what it names
//   (siblings of `$ref` are kept on top, as json-schema-ref-parser does), and
//   reports a `$ref` that leads back into its own expansion as a cycle;
// - `trace` maps a pointer into the dereferenced value back to the file and
//   pointer where that value is written, so diagnostics land in the right file.
import type { DataFile } from "./data-file.ts";
import { getByPointer, joinPointer, splitPointer } from "./pointer.ts";
import { siteKey, type RefSite, type SourceCache } from "./source-cache.ts";

const memo = new WeakMap<SourceCache, Map<string, unknown>>();

/** The value at `pointer` in `file` with all `$ref`s inlined; broken `$ref`s become `{}` (plus their siblings). */
export function dereference(cache: SourceCache, file: DataFile, pointer = ""): unknown {
  let done = memo.get(cache);
  if (!done) memo.set(cache, (done = new Map()));
  const results = done;
  const stack: string[] = [];

  const expand = (f: DataFile, p: string): unknown => {
    const key = siteKey({ file: f, pointer: p });
    if (results.has(key)) return results.get(key);
    stack.push(key);
    const value = walk(f, getByPointer(f.value, p), p);
    stack.pop();
    results.set(key, value);
    return value;
  };

  const walk = (f: DataFile, value: unknown, p: string): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => walk(f, v, joinPointer(p, String(i))));
    if (value === null || typeof value !== "object") return value;
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) if (k !== "$ref") out[k] = walk(f, v, joinPointer(p, k));
    if (typeof obj.$ref !== "string") return out;
    const site: RefSite = { file: f, pointer: p, ref: obj.$ref };
    const target = cache.isBroken(site) ? undefined : cache.resolve(site);
    if (!target) return out;
    const targetKey = siteKey(target);
    const loopAt = stack.indexOf(targetKey);
    if (loopAt !== -1) {
      const shown = [...stack.slice(loopAt), targetKey].map((k) => (k.endsWith("#") ? k.slice(0, -1) : k));
      cache.markCycle(site, shown);
      return out;
    }
    const resolved = expand(target.file, target.pointer);
    if (Object.keys(out).length === 0) return resolved;
    if (resolved !== null && typeof resolved === "object" && !Array.isArray(resolved)) return { ...resolved, ...out };
    return resolved;
  };

  return expand(file, pointer);
}

/**
 * Where the value at `pointer` of the dereferenced `file` is written: follows each
 * `$ref` met along the way. Stops at the deepest place that exists.
 */
export function trace(cache: SourceCache, file: DataFile, pointer: string): { file: DataFile; pointer: string } {
  let f = file;
  let p = "";
  let value: unknown = f.value;
  const segments = splitPointer(pointer);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    for (let hops = 0; hops < 64; hops++) {
      if (value === null || typeof value !== "object" || Array.isArray(value)) break;
      const obj = value as Record<string, unknown>;
      if (typeof obj.$ref !== "string" || Object.prototype.hasOwnProperty.call(obj, seg)) break;
      const site = { file: f, pointer: p, ref: obj.$ref };
      const target = cache.isBroken(site) ? undefined : cache.resolve(site);
      if (!target) return { file: f, pointer: joinPointer(p, ...segments.slice(i)) };
      f = target.file;
      p = target.pointer;
      value = getByPointer(f.value, p);
    }
    const next = getByPointer(value, joinPointer("", seg));
    p = joinPointer(p, seg);
    if (next === undefined) return { file: f, pointer: joinPointer(p, ...segments.slice(i + 1)) };
    value = next;
  }
  return { file: f, pointer: p };
}
