// The watcher gathers bursts of saves into one batch, sees files deleted and
// renamed, and skips editor leftovers.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isIgnored, SourceWatcher } from "./watcher.ts";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("SourceWatcher", () => {
  let root: string;
  let watcher: SourceWatcher | undefined;

  afterEach(async () => {
    await watcher?.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function start(debounceMs: number): Promise<string[][]> {
    root = mkdtempSync(join(tmpdir(), "serve-watch-"));
    mkdirSync(join(root, "api"));
    mkdirSync(join(root, "specification"));
    writeFileSync(join(root, "api", "a.yaml"), "a: 1\n");
    writeFileSync(join(root, "CHANGELOG.rst"), "x\n");
    const batches: string[][] = [];
    watcher = new SourceWatcher({ root, debounceMs, onBatch: (paths) => void batches.push(paths) });
    await watcher.start();
    return batches;
  }

  async function until(batches: string[][], test: (all: string[]) => boolean): Promise<void> {
    for (let i = 0; i < 200 && !test(batches.flat()); i++) await wait(25);
  }

  it("hands on a burst of saves as one batch", async () => {
    const batches = await start(150);
    for (let i = 0; i < 5; i++) writeFileSync(join(root, "specification", `f${i}.rst`), `file ${i}\n`);
    writeFileSync(join(root, "api", "a.yaml"), "a: 2\n");
    await until(batches, (all) => all.includes("api/a.yaml") && all.includes("specification/f4.rst"));
    await wait(300);
    expect(batches.length).toBe(1);
    expect(batches[0]).toEqual(["api/a.yaml", "specification/f0.rst", "specification/f1.rst", "specification/f2.rst", "specification/f3.rst", "specification/f4.rst"]);
  });

  it("sees deletes and renames, and ignores swap files", async () => {
    const batches = await start(20);
    renameSync(join(root, "api", "a.yaml"), join(root, "api", "b.yaml"));
    await until(batches, (all) => all.includes("api/a.yaml") && all.includes("api/b.yaml"));
    unlinkSync(join(root, "CHANGELOG.rst"));
    writeFileSync(join(root, "api", ".b.yaml.swp"), "swap");
    writeFileSync(join(root, "api", "b.yaml~"), "backup");
    await until(batches, (all) => all.includes("CHANGELOG.rst"));
    await wait(200);
    const all = batches.flat();
    expect(all).toContain("api/a.yaml");
    expect(all).toContain("api/b.yaml");
    expect(all).toContain("CHANGELOG.rst");
    expect(all.some((p) => p.includes(".swp") || p.endsWith("~"))).toBe(false);
  });

  it("knows editor leftovers", () => {
    expect(isIgnored("/x/api/.a.yaml.swp")).toBe(true);
    expect(isIgnored("/x/api/a.yaml~")).toBe(true);
    expect(isIgnored("/x/api/#a.yaml#")).toBe(true);
    expect(isIgnored("/x/api/a.yaml")).toBe(false);
  });

  it("reaches the state of the files on disk after a burst of in-place saves, even when the file system's events drop the last one", async () => {
    root = mkdtempSync(join(tmpdir(), "serve-watch-"));
    mkdirSync(join(root, "specification"));
    const file = join(root, "specification", "a.rst");
    writeFileSync(file, "save 0\n");
    const seen: string[] = [];
    watcher = new SourceWatcher({ root, debounceMs: 10, onBatch: (paths) => void (paths.includes("specification/a.rst") && seen.push(readFileSync(file, "utf8"))) });
    await watcher.start();
    for (let round = 1; round <= 3; round++) {
      // Saves 5-20 ms apart: chokidar drops a change within 50 ms of the last one it passed on.
      for (let i = 1; i <= 30; i++) {
        writeFileSync(file, `save ${round}.${i}\n`);
        await wait(5 + (i % 4) * 5);
      }
      const last = `save ${round}.30\n`;
      for (let i = 0; i < 80 && seen[seen.length - 1] !== last; i++) await wait(25);
      expect(seen[seen.length - 1], `round ${round}`).toBe(last);
    }
  });
});

