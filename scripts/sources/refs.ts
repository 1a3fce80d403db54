// Following `$ref`s through loaded files (see ./source-cache.ts for how a
// single `$ref` is resolved and checked):
// - `dereference` gives a value with every `$ref` replaced by what it names
//   (siblings of `$ref` are kept on top, as json-schema-ref-parser does), and
//   reports a `$ref` that leads back into its own expansion as a cycle;
// - `trace` maps a pointer into the dereferenced value back to the file and
//   pointer where that value is written, so diagnostics land in the right file.
import { error } from "../diagnostics/diagnostic.ts";
import type { DataFile } from "./data-file.ts";
import { MAX_DEREFERENCED_DEPTH } from "./limits.ts";
import { childPointer, getByPointer, getChild, joinPointer, splitPointer } from "./pointer.ts";
import { siteKey, type RefSite, type SourceCache } from "./source-cache.ts";

/** Dereferenced values by `file#pointer`, with their height (how deep their arrays and objects go). */
const memo = new WeakMap<SourceCache, Map<string, [unknown, number]>>();

/**
 * The value at `pointer` in `file` with all `$ref`s inlined; broken `$ref`s become `{}` (plus their siblings).
 * A value nested deeper than MAX_DEREFERENCED_DEPTH once inlined is cut there, with an
 * error at the `$ref` (or the value) that goes too deep.
 */
export function dereference(cache: SourceCache, file: DataFile, pointer = ""): unknown {
  let done = memo.get(cache);
  if (!done) memo.set(cache, (done = new Map()));
  const results = done;
  const stack: string[] = [];
  const tooDeep = (f: DataFile, p: string, key?: string) =>
    cache.report(
      error("nesting-too-deep", `Once its \`$ref\`s are inlined, this value nests arrays and objects more than ${MAX_DEREFERENCED_DEPTH} levels deep; that is the limit.`, {
        ...f.locate(key ? joinPointer(p, key) : p),
        pointer: p,
      }),
    );

  const expand = (f: DataFile, p: string, depth: number): [unknown, number] => {
    const key = siteKey({ file: f, pointer: p });
    const known = results.get(key);
    if (known) return known;
    stack.push(key);
    const result = walk(f, getByPointer(f.value, p), p, depth);
    stack.pop();
    results.set(key, result);
    return result;
  };

  const walk = (f: DataFile, value: unknown, p: string, depth: number): [unknown, number] => {
    if (value === null || typeof value !== "object") return [value, 0];
    if (depth >= MAX_DEREFERENCED_DEPTH) {
      tooDeep(f, p);
      return [Array.isArray(value) ? [] : {}, 0];
    }
    let height = 0;
    const child = (v: unknown, q: string) => {
      const [x, h] = walk(f, v, q, depth + 1);
      height = Math.max(height, h + 1);
      return x;
    };
    if (Array.isArray(value)) return [value.map((v, i) => child(v, childPointer(p, i))), height];
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    // defineProperty: a key such as `__proto__` is a property like any other.
    for (const [k, v] of Object.entries(obj)) if (k !== "$ref") define(out, k, child(v, childPointer(p, k)));
    if (typeof obj.$ref !== "string") return [out, height];
    const site: RefSite = { file: f, pointer: p, ref: obj.$ref };
    const target = cache.isBroken(site) ? undefined : cache.resolve(site);
    if (!target) return [out, height];
    const targetKey = siteKey(target);
    const loopAt = stack.indexOf(targetKey);
    if (loopAt !== -1) {
      const shown = [...stack.slice(loopAt), targetKey].map((k) => (k.endsWith("#") ? k.slice(0, -1) : k));
      cache.markCycle(site, shown);
      return [out, height];
    }
    const [resolved, resolvedHeight] = expand(target.file, target.pointer, depth);
    if (depth + resolvedHeight > MAX_DEREFERENCED_DEPTH) {
      tooDeep(f, p, "$ref");
      return [out, height];
    }
    if (Object.keys(out).length === 0) return [resolved, resolvedHeight];
    if (resolved !== null && typeof resolved === "object" && !Array.isArray(resolved)) {
      const merged: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(resolved)) define(merged, k, v);
      for (const [k, v] of Object.entries(out)) define(merged, k, v);
      return [merged, Math.max(height, resolvedHeight)];
    }
    return [resolved, resolvedHeight];
  };

  return expand(file, pointer, 0)[0];
}

function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
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
    const next = getChild(value, seg);
    p = childPointer(p, seg);
    if (next === undefined) return { file: f, pointer: joinPointer(p, ...segments.slice(i + 1)) };
    value = next;
  }
  return { file: f, pointer: p };
}
