import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { childPointer, escapeSegment, getByPointer, getChild, joinPointer, splitPointer, unescapeSegment } from "./pointer.ts";

// Segments made of the characters that matter to pointers, and others.
const segment = fc.string({ unit: fc.constantFrom("~", "/", "0", "1", "a", "é", " "), maxLength: 8 });

describe("JSON pointers", () => {
  it("escapes `~` and `/`, and returns other segments unchanged", () => {
    expect(escapeSegment("a~b/c")).toBe("a~0b~1c");
    expect(escapeSegment("~1")).toBe("~01");
    expect(unescapeSegment("~01")).toBe("~1");
    expect(escapeSegment("plain")).toBe("plain");
    expect(unescapeSegment("plain")).toBe("plain");
  });

  it("round-trips any segment, and childPointer is joinPointer with one segment", () => {
    fc.assert(
      fc.property(segment, fc.array(segment, { maxLength: 4 }), fc.nat(), (s, path, n) => {
        expect(unescapeSegment(escapeSegment(s))).toBe(s);
        const pointer = joinPointer("", ...path);
        expect(splitPointer(pointer)).toEqual(path);
        expect(childPointer(pointer, s)).toBe(joinPointer(pointer, s));
        expect(childPointer(pointer, n)).toBe(joinPointer(pointer, String(n)));
      }),
      { seed: 3, numRuns: 500 },
    );
  });

  it("steps into own properties and canonical array indexes only", () => {
    const value = JSON.parse('{"a": [10, {"b/c": 1, "__proto__": {"x": 2}}], "~": 3}');
    expect(getChild(value.a, "1")).toBe(value.a[1]);
    for (const index of ["01", "-1", "1.0", " 1", "length"]) expect(getChild(value.a, index), index).toBeUndefined();
    expect(getChild(value, "toString")).toBeUndefined();
    expect(getChild(value.a[1], "__proto__")).toEqual({ x: 2 });
    expect(getByPointer(value, "/a/1/b~1c")).toBe(1);
    expect(getByPointer(value, "/~0")).toBe(3);
    expect(getByPointer(value, "/a/1/__proto__/x")).toBe(2);
    expect(getByPointer(value, "/a/2/b")).toBeUndefined();
    expect(getByPointer(value, "")).toBe(value);
  });
});
