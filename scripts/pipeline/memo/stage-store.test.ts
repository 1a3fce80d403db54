// The store of kept stage results: what is set is got back, other stages'
// entries are left alone, and each stage keeps only its newest entries.
import { mkdtempSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StageStore } from "./stage-store.ts";

const dir = mkdtempSync(join(tmpdir(), "stage-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("StageStore", () => {
  it("gives back what was set, keeps the 24 newest entries of a stage, and leaves other stages alone", () => {
    const store = new StageStore(dir);
    expect(store.get("page", "missing")).toBeUndefined();
    store.set("rst", "other", { diagnostics: [] });
    // A stage whose name starts with another's and a dash.
    store.set("page-last", "kept", { html: "kept" });
    const old = new Date(Date.now() - 3600_000);
    utimesSync(join(dir, "stages", "page-last-kept.v8"), old, old);
    for (let i = 0; i < 30; i++) {
      store.set("page", `k${i}`, { html: `<p>${i}</p>` });
      // Distinct times, oldest first, whatever the file system's resolution.
      const t = new Date(Date.now() - (30 - i) * 1000);
      utimesSync(join(dir, "stages", `page-k${i}.v8`), t, t);
    }
    store.set("page", "last", { html: "last" });
    const pages = readdirSync(join(dir, "stages")).filter((n) => n.startsWith("page-") && !n.startsWith("page-last-"));
    expect(pages).toHaveLength(24);
    expect(pages).not.toContain("page-k0.v8");
    expect(store.get("page", "last")).toEqual({ html: "last" });
    expect(store.get("page", "k29")).toEqual({ html: "<p>29</p>" });
    expect(store.get("rst", "other")).toEqual({ diagnostics: [] });
    expect(store.get("page-last", "kept")).toEqual({ html: "kept" });
  });
});
