// What the variables stage keeps between runs when its driver sets a store
// (`check` and `build` keep it on disk through the stage memo,
// ../pipeline/memo/; the preview in memory): each rendered template under its
// template, context and origin (./render.ts), and each Swagger file's endpoint
// units under the texts they read (./catalog.ts). Either is a function of its
// key alone; anything that JSON would not say all of is not kept.
import type { KeptValues } from "../kept-values.ts";

let kept: KeptValues<unknown> | undefined;

/** Keeps the variables' parts in `values` (undefined: computes everything) until set again. */
export function keepVariableParts(values: KeptValues<unknown> | undefined): void {
  kept = values;
}

/**
 * Plain data as a key: objects, arrays, strings, finite numbers, booleans and
 * null; undefined when it holds anything else (a Map, a function, a class
 * instance), whose JSON would not say all of it.
 */
export function plainKey(value: unknown): string | undefined {
  const plain = (v: unknown): boolean => {
    if (v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) return true;
    if (Array.isArray(v)) return v.every(plain);
    if (typeof v !== "object") return false;
    const proto = Object.getPrototypeOf(v);
    return (proto === Object.prototype || proto === null) && Object.values(v as object).every((x) => x === undefined || plain(x));
  };
  return plain(value) ? JSON.stringify(value) : undefined;
}

/** `compute()`, kept under `key` (plain data) when a store is set and the value is plain data too. */
export function keptPart<T>(key: unknown, compute: () => T): T {
  const k = kept && plainKey(key);
  if (k === undefined) return compute();
  return kept!.get(k, () => {
    const value = compute();
    return { value, keep: plainKey(value) !== undefined };
  }) as T;
}

/** A kept part as its key names it: what it is and the file it shows (for tests and timings). */
export function partName(key: string): string {
  const [what, , at] = JSON.parse(key) as [string, unknown, { file?: string } | string | undefined];
  return `${what} ${typeof at === "string" ? at : (at?.file ?? "")}`.trim();
}
