// Array helpers safe for any length. `a.push(...b)` passes every element of `b` as an
// argument on the stack, and throws "Maximum call stack size exceeded" once `b` holds
// some 100,000 elements (a paragraph of 100,000 links, say): use these instead
// wherever the list comes from the input.

/** Appends every item of `items` to `to`. */
export function pushAll<T>(to: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) to.push(items[i]);
  return to;
}

/**
 * A new empty array laid out for objects and strings. A `[]` literal is laid out for
 * small integers until something else is stored in it, so arrays that stay empty differ
 * in hidden class from filled ones, and optimized code that has met only filled ones is
 * deoptimized by the first empty one. Use this where an empty array stands beside
 * filled ones (lists of nodes, of names).
 */
export function emptyList<T>(): T[] {
  return OBJECT_LIST_TEMPLATE.slice() as T[];
}
const OBJECT_LIST_TEMPLATE: unknown[] = [null];
OBJECT_LIST_TEMPLATE.length = 0;
