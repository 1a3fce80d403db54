// `build` when nothing changed since an earlier build into the same folder
// reports the output as up to date; an edit of the tree, a damaged output
// folder or --no-cache builds again.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "../..");
const MINI = join(REPO, "scripts/build/fixtures/mini-tree");
const dir = mkdtempSync(join(tmpdir(), "kept-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root = join(dir, "tree");
const out = join(dir, "out");
const build = (...args: string[]) => spawnSync(process.execPath, [join(REPO, "bin/matrix-doc.js"), "build", "--root", root, "--out", out, ...args], { encoding: "utf8" });
const page = () => readFileSync(join(out, "v1.2.3/index.html"), "utf8");

describe("build when nothing changed", () => {
  it("reports the output as up to date only while the tree and the output folder are as the last build left them", () => {
    cpSync(MINI, root, { recursive: true });
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^built v1\.2\.3/);
    const html = page();

    const again = build();
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^up to date: v1\.2\.3 in /);
    expect(page()).toBe(html);

    // A page removed from the output is written again.
    rmSync(join(out, "v1.2.3/index.html"));
    expect(build().stdout).toMatch(/^built/);
    expect(page()).toBe(html);

    // An edit of the prose shows on the page.
    const intro = join(root, "specification/intro.rst");
    writeFileSync(intro, readFileSync(intro, "utf8") + "\nA sentence the test added.\n");
    expect(build().stdout).toMatch(/^built/);
    expect(page()).toContain("A sentence the test added.");
    expect(build().stdout).toMatch(/^up to date/);

    // --no-cache always builds.
    expect(build("--no-cache").stdout).toMatch(/^built/);
    expect(existsSync(join(out, "latest/index.html"))).toBe(true);
  });
});
