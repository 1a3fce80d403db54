// The variables' parts kept between runs give the variables a run without
// them gives: endpoint units that went through JSON (as the stage memo keeps
// them on disk) render the same sections as units made afresh.
import { afterEach, describe, expect, it } from "vitest";
import { KeptValues } from "../kept-values.ts";
import { REPO } from "../build/testing/repository-build.ts";
import { loadSources } from "../sources/index.ts";
import { buildVariables } from "./index.ts";
import { keepVariableParts, keptPart, plainKey } from "./kept-parts.ts";

afterEach(() => keepVariableParts(undefined));

describe("kept parts of the variables", () => {
  it("endpoint units kept through JSON render every variable of the repository as fresh ones do", () => {
    const first = new KeptValues<unknown>();
    keepVariableParts(first);
    const fresh = buildVariables(loadSources(REPO));
    keepVariableParts(undefined);
    // Only the endpoint units, as the disk keeps them: every template is rendered again from them.
    const units = new Map([...first.next()].filter(([, value]) => Array.isArray(value)).map(([key, value]) => [key, JSON.parse(JSON.stringify(value)) as unknown]));
    expect(units.size).toBeGreaterThan(5);
    const second = new KeptValues<unknown>(units);
    keepVariableParts(second);
    const again = buildVariables(loadSources(REPO));
    expect(second.computed.filter((name) => name.startsWith("endpoint units"))).toEqual([]);
    expect(second.computed.length).toBeGreaterThan(10);
    expect([...again.variables]).toEqual([...fresh.variables]);
    expect(again.diagnostics).toEqual(fresh.diagnostics);
  }, 60_000);

  it("keeps only plain data, under plain keys", () => {
    const kept = new KeptValues<unknown>();
    keepVariableParts(kept);
    let runs = 0;
    const part = (key: unknown, value: unknown) => keptPart(key, () => (runs++, value));
    part(["a", 1], { x: [1, "two", null] });
    part(["a", 1], { x: [1, "two", null] });
    expect(runs).toBe(1);
    part(["map"], new Map());
    part(["map"], new Map());
    expect(runs).toBe(3);
    part([new Set()], 1);
    expect(runs).toBe(4);
    expect(plainKey({ a: undefined, b: [1] })).toBe('{"b":[1]}');
    expect(plainKey([() => 1])).toBeUndefined();
    expect(plainKey(NaN)).toBeUndefined();
  });
});
