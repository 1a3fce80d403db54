// JSON pointers (RFC 6901): "" is the whole document, "/a/0/b~1c" a path into it.

// Pointers are built for every value of every file loaded: the common segment,
// without `~` or `/`, is returned as it is, without a regular expression.

export function escapeSegment(segment: string): string {
  if (segment.indexOf("~") === -1 && segment.indexOf("/") === -1) return segment;
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeSegment(segment: string): string {
  if (segment.indexOf("~") === -1) return segment;
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function joinPointer(pointer: string, ...segments: (string | number)[]): string {
  let out = pointer;
  for (const s of segments) out += "/" + escapeSegment(String(s));
  return out;
}

/** `joinPointer` with one segment, for the walks that make a pointer per value. */
export function childPointer(pointer: string, segment: string | number): string {
  return pointer + "/" + (typeof segment === "number" ? segment : escapeSegment(segment));
}

export function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map(unescapeSegment);
}

/** The value at `pointer`, or undefined when some segment is missing. */
export function getByPointer(value: unknown, pointer: string): unknown {
  let cur = value;
  for (const seg of splitPointer(pointer)) {
    cur = getChild(cur, seg);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** The item or property `segment` (unescaped) of a value, or undefined when it has none. */
export function getChild(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) return /^(0|[1-9]\d*)$/.test(segment) ? value[Number(segment)] : undefined;
  if (value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, segment)) {
    return (value as Record<string, unknown>)[segment];
  }
  return undefined;
}

/** A pointer as the fragment of a URI: each segment percent-encoded. */
export function pointerToFragment(pointer: string): string {
  return "#" + pointer.split("/").map(encodeURIComponent).join("/");
}

/** Whether `pointer` is `ancestor` or lies beneath it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + "/");
}
