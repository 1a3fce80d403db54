// Array helpers safe for any length. `a.push(...b)` passes every element of `b` as an
// argument on the stack, and throws "Maximum call stack size exceeded" once `b` holds
// some 100,000 elements (a paragraph of 100,000 links, say): use these instead
// wherever the list comes from the input.

/** Appends every item of `items` to `to`. */
export function pushAll<T>(to: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) to.push(items[i]);
  return to;
}
