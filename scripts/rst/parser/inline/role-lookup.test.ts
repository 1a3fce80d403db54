// Role lookup as docutils' roles.role(): English names, locally defined roles,
// canonical names with the INFO notice (once per document).
import { describe, expect, it } from "vitest";
import { Element, Text } from "../../nodes.ts";
import type { RoleFunction, RoleRegistry } from "../context.ts";
import { lookupRole } from "./role-lookup.ts";
import { makeContext } from "./test-helpers.ts";

const make = (tag: string): RoleFunction => (_r, raw, text) => [[new Element(tag, {}, [new Text(text)])], []];

describe("lookupRole", () => {
  it("finds English names and aliases without messages", () => {
    const ctx = makeContext();
    const r = lookupRole("SUP", 1, ctx);
    expect(r.fn).toBeDefined();
    expect(r.messages).toEqual([]);
  });

  it("uses title-reference for the empty name", () => {
    const ctx = makeContext();
    const [nodes] = lookupRole("", 1, ctx).fn!("", "`x`", "x", 1, ctx, {}, []);
    expect((nodes[0] as Element).tagname).toBe("title_reference");
  });

  it("reports a canonical name that is no English name once per document", () => {
    const special = make("inline");
    const roles: RoleRegistry = (name) => (name === "restructuredtext-unimplemented-role" ? special : undefined);
    const ctx = makeContext(undefined, "", roles);
    const first = lookupRole("restructuredtext-unimplemented-role", 3, ctx);
    expect(first.fn).toBe(special);
    expect(first.messages.map((m) => m.get("level"))).toEqual([1]);
    expect(lookupRole("restructuredtext-unimplemented-role", 4, ctx).messages).toEqual([]);
    expect(lookupRole("restructuredtext-unimplemented-role", 5, makeContext(undefined, "", roles)).messages.length).toBe(1);
  });

  it("answers with the current definition of a locally defined role", () => {
    let current = make("strong");
    const ctx = makeContext(undefined, "", (name) => (name === "custom" ? current : undefined));
    expect(lookupRole("Custom", 1, ctx)).toEqual({ fn: current, messages: [] });
    const first = current;
    current = make("emphasis");
    expect(lookupRole("custom", 1, ctx).fn).not.toBe(first);
  });

  it("gives the notice and no function for unknown names, every time", () => {
    const ctx = makeContext();
    for (let i = 0; i < 2; i++) {
      const r = lookupRole("nope", 1, ctx);
      expect(r.fn).toBeUndefined();
      expect(r.messages.length).toBe(1);
    }
  });
});
