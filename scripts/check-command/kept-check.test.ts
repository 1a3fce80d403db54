// `check` on a tree unchanged since an earlier check reports the kept result,
// the same as a fresh check; any change to the tree, or --no-cache, checks afresh.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "../..");
const MINI = join(REPO, "scripts/build/fixtures/mini-tree");
const dir = mkdtempSync(join(tmpdir(), "kept-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (root: string, ...args: string[]) => spawnSync(process.execPath, [join(REPO, "bin/matrix-doc.js"), "check", "--root", root, "--verbose", ...args], { encoding: "utf8" });
const KEPT = "nothing changed since an earlier check";
/** The report without the time it took. */
const report = (out: string) => out.replace(/\(\d+ ms\)/, "").replace(/^ {2}\S+ +\d+ ms\n|^ {2}\(nothing changed.*\n/gm, "");

describe("check on an unchanged tree", () => {
  it("reports the kept result, the same as a fresh check, until a file changes", () => {
    const root = join(dir, "tree");
    cpSync(MINI, root, { recursive: true });
    const topic = join(root, "event-schemas/examples/v1/m.room.topic");
    writeFileSync(topic, readFileSync(topic, "utf8").replace('"topic":', '"topic": 5, "x":'));
    const fresh = check(root, "--no-cache");
    expect(fresh.status).toBe(1);
    expect(fresh.stdout).not.toContain(KEPT);

    check(root);
    const kept = check(root);
    expect(kept.stdout).toContain(KEPT);
    expect(kept.status).toBe(1);
    expect(report(kept.stdout)).toBe(report(fresh.stdout));

    writeFileSync(topic, readFileSync(topic, "utf8").replace('"topic": 5, "x":', '"topic":'));
    const fixed = check(root);
    expect(fixed.stdout).not.toContain(KEPT);
    expect(fixed.status).toBe(0);
    expect(check(root, "--no-cache").stdout).not.toContain(KEPT);
  });

  it("is kept per folder: an identical tree elsewhere is checked there, its code frames quoting its own files", () => {
    const first = join(dir, "first");
    const second = join(dir, "second");
    for (const root of [first, second]) {
      cpSync(MINI, root, { recursive: true });
      const topic = join(root, "event-schemas/examples/v1/m.room.topic");
      writeFileSync(topic, readFileSync(topic, "utf8").replace('"topic":', '"topic": 5, "x":'));
    }
    expect(check(first).status).toBe(1);
    // The first tree is gone: a result kept from it could not quote its lines.
    rmSync(first, { recursive: true, force: true });
    const elsewhere = check(second);
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stdout).not.toContain(KEPT);
    expect(elsewhere.stdout).toContain('> 4 |         "topic": 5, "x":');
  });
});
