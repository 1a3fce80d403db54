// The stage memo: a run that reuses kept results reports what a run without
// them reports and makes the same pages, and an edit redoes exactly the
// stages whose inputs it touched.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBuild } from "../../build/build.ts";
import type { KeptResults } from "../../check/context.ts";
import { unitName } from "../../check/kept-units.ts";
import { runPipeline, type PipelineResult } from "../run.ts";
import { plainStages, type Stages } from "../stages.ts";
import { memoStages } from "./memo-stages.ts";
import { hashDigests, treeDigests } from "./tree-hash.ts";

const MINI = resolve(import.meta.dirname, "../../build/fixtures/mini-tree");
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function tempTree(): { root: string; cacheDir: string } {
  const dir = mkdtempSync(join(tmpdir(), "memo-"));
  temps.push(dir);
  cpSync(MINI, join(dir, "tree"), { recursive: true });
  return { root: join(dir, "tree"), cacheDir: join(dir, "cache") };
}

/** The plain stages, counting the calls each stage gets (the pages rendered, by file). */
function counted(): { stages: Stages; calls: Record<string, number>; pages: string[]; sections: string[]; checkParts: string[]; fileChecks: string[] } {
  const plain = plainStages({ cacheDir: undefined });
  const calls: Record<string, number> = { check: 0, variables: 0, rst: 0, page: 0, api: 0, search: 0 };
  const pages: string[] = [];
  const sections: string[] = [];
  const checkParts: string[] = [];
  /** The files whose check result was computed, not kept. */
  const fileChecks: string[] = [];
  const stages: Stages = {
    ...plain,
    check: (sources, counts, part, kept) => {
      calls.check++;
      checkParts.push(part ?? "all");
      const counting: KeptResults | undefined = kept && { unit: (what, compute) => kept.unit(what, () => (fileChecks.push(unitName(what)), compute())) };
      return plain.check(sources, counts, part, counting);
    },
    variables: (...a) => (calls.variables++, plain.variables(...a)),
    rst: (...a) => (calls.rst++, plain.rst(...a)),
    page: (...a) => {
      calls.page++;
      pages.push(a[0].file);
      const again = plain.page(...a);
      if (again.section) sections.push(`${a[0].file}#${again.section}`);
      return again;
    },
    api: (sources, info, kept) => {
      calls.api++;
      return plain.api!(sources, info, kept && { unit: (what, compute) => kept.unit(what, () => (fileChecks.push(unitName(what)), compute())) });
    },
    searchIndex: (html) => (calls.search++, plain.searchIndex!(html)),
  };
  return { stages, calls, pages, sections, checkParts, fileChecks };
}

function run(root: string, stages: Stages, until: "rst" | "page"): PipelineResult {
  return runPipeline({ root, until, stages, gitRev: "abc1234" });
}

/**
 * The small tree, its first file cut short and followed by a second top-level
 * section (a lone one becomes the document's title, and such a page is always
 * rendered whole, ../../page/section-render.ts), built once through the memo.
 */
function builtSectionedTree(): { root: string; cacheDir: string; intro: string } {
  const { root, cacheDir } = tempTree();
  const intro = join(root, "specification/intro.rst");
  const text = readFileSync(intro, "utf8");
  writeFileSync(intro, text.slice(0, text.indexOf("A table:")) + "Two letters follow: alpha, beta.\n\nMore\n====\n\nThe rest.\n");
  run(root, memoStages(counted().stages, cacheDir), "page");
  return { root, cacheDir, intro };
}

const html = (r: PipelineResult) => r.pages.map((p) => [p.file, p.html]);

function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, "utf8");
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe("the stage memo", () => {
  it("reports the same problems and makes the same pages as the plain stages, and a second run recomputes nothing", () => {
    const { root, cacheDir } = tempTree();
    // A problem in the data (a bad example) and one in the prose, so that kept diagnostics are compared too.
    edit(join(root, "event-schemas/examples/v1/m.room.topic"), '"topic":', '"topic": 5, "x":');
    writeFileSync(join(root, "specification/intro.rst"), readFileSync(join(root, "specification/intro.rst"), "utf8") + "\n`unclosed\n");
    const plain = run(root, plainStages({ cacheDir: undefined }), "rst");
    expect(plain.diagnostics.length).toBeGreaterThan(1);

    const first = counted();
    const cold = run(root, memoStages(first.stages, cacheDir), "rst");
    expect(cold.diagnostics).toEqual(plain.diagnostics);
    expect(first.calls).toMatchObject({ check: 2, variables: 1, rst: 2 });
    expect(first.checkParts.sort()).toEqual(["data", "prose"]);

    const second = counted();
    const warm = run(root, memoStages(second.stages, cacheDir), "rst");
    expect(warm.diagnostics).toEqual(plain.diagnostics);
    expect(second.calls).toEqual({ check: 0, variables: 0, rst: 0, page: 0, api: 0, search: 0 });
  });

  it("makes the same pages from kept results, and redoes only the page whose prose changed", () => {
    const { root, cacheDir } = tempTree();
    const plain = run(root, plainStages({ cacheDir: undefined }), "page");
    expect(plain.ok).toBe(true);
    expect(plain.pages.length).toBe(2);
    run(root, memoStages(counted().stages, cacheDir), "page");

    const warm = counted();
    expect(html(run(root, memoStages(warm.stages, cacheDir), "page"))).toEqual(html(plain));
    expect(warm.calls.page).toBe(0);

    edit(join(root, "supporting-docs/howtos/client-server.rst"), "\n\n", "\n\nA sentence added by the test.\n\n");
    const afterProse = counted();
    const edited = run(root, memoStages(afterProse.stages, cacheDir), "page");
    expect(afterProse.pages).toEqual(["howtos.html"]);
    expect(afterProse.calls.variables).toBe(0);
    expect(afterProse.checkParts).toEqual(["prose"]);
    expect(edited.pages.find((p) => p.file === "howtos.html")!.html).toContain("A sentence added by the test.");
    expect(html(edited)).toEqual(html(run(root, plainStages({ cacheDir: undefined }), "page")));
  });

  it("renders again only the section that holds a prose edit, making the page the plain stages make", () => {
    const { root, cacheDir, intro } = builtSectionedTree();
    edit(intro, "Two letters follow:", "Two letters follow, in order:");
    const after = counted();
    const edited = run(root, memoStages(after.stages, cacheDir), "page");
    expect(after.pages).toEqual(["index.html"]);
    expect(after.sections).toEqual(["index.html#examples"]);
    expect(edited.pages.find((p) => p.file === "index.html")!.html).toContain("Two letters follow, in order:");
    expect(html(edited)).toEqual(html(run(root, plainStages({ cacheDir: undefined }), "page")));

    // A new title is not a body edit: the whole page again, the same as the plain stages'.
    edit(intro, "Two letters follow, in order:", "Letters\n~~~~~~~\n\nTwo letters follow:");
    const titled = counted();
    const whole = run(root, memoStages(titled.stages, cacheDir), "page");
    expect(titled.pages).toEqual(["index.html"]);
    expect(titled.sections).toEqual([]);
    expect(html(whole)).toEqual(html(run(root, plainStages({ cacheDir: undefined }), "page")));
  });

  it("checks a prose edit inside one section of a built page by that section alone, and a problem in it by the whole page", () => {
    const { root, cacheDir, intro } = builtSectionedTree();

    edit(intro, "Two letters follow:", "Two letters follow, in order:");
    const clean = counted();
    expect(run(root, memoStages(clean.stages, cacheDir), "rst").diagnostics).toEqual([]);
    expect(clean.calls.rst).toBe(0);
    expect(run(root, plainStages({ cacheDir: undefined }), "rst").diagnostics).toEqual([]);
    // The build after it finds the page's rendering the check made.
    const built = counted();
    const page = run(root, memoStages(built.stages, cacheDir), "page");
    expect(built.sections).toEqual([]);
    expect(html(page)).toEqual(html(run(root, plainStages({ cacheDir: undefined }), "page")));

    edit(intro, "Two letters follow, in order:", "Two letters follow, `in order:");
    const broken = counted();
    const diagnostics = run(root, memoStages(broken.stages, cacheDir), "rst").diagnostics;
    expect(broken.calls.rst).toBe(1);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics).toEqual(run(root, plainStages({ cacheDir: undefined }), "rst").diagnostics);
  });

  it("checks an edit inside one section by that section alone with no build before, from the third check of a tree", () => {
    const { root, cacheDir } = tempTree();
    const intro = join(root, "specification/intro.rst");
    const text = readFileSync(intro, "utf8");
    writeFileSync(intro, text.slice(0, text.indexOf("A table:")) + "Two letters follow: alpha, beta.\n\nMore\n====\n\nThe rest.\n");
    const first = counted();
    run(root, memoStages(first.stages, cacheDir), "rst");
    expect(first.calls.rst).toBe(2); // the page and the how-to
    // The first check of the tree renders no page; the next whole one does.
    edit(intro, "The rest.", "The rest, edited.");
    const second = counted();
    expect(run(root, memoStages(second.stages, cacheDir), "rst").diagnostics).toEqual([]);
    expect(second.calls.rst).toBe(1);
    edit(intro, "The rest, edited.", "The rest, edited again.");
    const third = counted();
    expect(run(root, memoStages(third.stages, cacheDir), "rst").diagnostics).toEqual([]);
    expect(third.calls.rst).toBe(0);
    // A build after it renders with its own facts, as the plain stages do.
    expect(html(run(root, memoStages(counted().stages, cacheDir), "page"))).toEqual(html(run(root, plainStages({ cacheDir: undefined }), "page")));
  });

  it("keeps each tree's last rendering apart: another tree built in between does not take its place", () => {
    const { root, cacheDir, intro } = builtSectionedTree();
    const other = tempTree();
    run(other.root, memoStages(counted().stages, cacheDir), "page");
    edit(intro, "Two letters follow:", "Two letters follow, in order:");
    const after = counted();
    run(root, memoStages(after.stages, cacheDir), "page");
    expect(after.sections).toEqual(["index.html#examples"]);
  });

  it("brings the page's last rendering up to date when a check renders the whole page, for the next edit to be checked by its section", () => {
    const { root, cacheDir, intro } = builtSectionedTree();
    // Two sections edited: the whole page is checked.
    edit(intro, "Two letters follow:", "Two letters follow, in order:");
    edit(intro, "The rest.", "The rest, edited.");
    const both = counted();
    expect(run(root, memoStages(both.stages, cacheDir), "rst").diagnostics).toEqual([]);
    expect(both.calls.rst).toBe(1);
    // Then one: its section alone, on the rendering the last check made.
    edit(intro, "The rest, edited.", "The rest, edited again.");
    const one = counted();
    expect(run(root, memoStages(one.stages, cacheDir), "rst").diagnostics).toEqual([]);
    expect(one.calls.rst).toBe(0);
    const built = counted();
    expect(html(run(root, memoStages(built.stages, cacheDir), "page"))).toEqual(html(run(root, plainStages({ cacheDir: undefined }), "page")));
  });

  it("checks a draft added after a kept run, keeping the checks of the data", () => {
    const { root, cacheDir } = tempTree();
    run(root, memoStages(counted().stages, cacheDir), "rst");
    mkdirSync(join(root, "drafts"));
    writeFileSync(join(root, "drafts/idea.rst"), "Title\n===\n\n`unclosed\n");
    const after = counted();
    const r = run(root, memoStages(after.stages, cacheDir), "rst");
    expect(after.checkParts).toEqual(["prose"]);
    expect(r.diagnostics.some((d) => d.file === "drafts/idea.rst")).toBe(true);
    expect(r.diagnostics).toEqual(run(root, plainStages({ cacheDir: undefined }), "rst").diagnostics);
  });

  it("checks again only the unbuilt RST file that changed", () => {
    const { root, cacheDir } = tempTree();
    mkdirSync(join(root, "drafts"));
    writeFileSync(join(root, "drafts/one.rst"), "One\n===\n\n`unclosed\n");
    writeFileSync(join(root, "drafts/two.rst"), "Two\n===\n\nFine.\n");
    const first = counted();
    run(root, memoStages(first.stages, cacheDir), "rst");
    expect(first.fileChecks.filter((f) => f.startsWith("rst file")).sort()).toEqual(["rst file drafts/one.rst", "rst file drafts/two.rst"]);
    edit(join(root, "drafts/two.rst"), "Fine.", "*Still fine.*");
    const after = counted();
    const r = run(root, memoStages(after.stages, cacheDir), "rst");
    expect(after.checkParts).toEqual(["prose"]);
    expect(after.fileChecks).toEqual(["rst file drafts/two.rst"]);
    expect(r.diagnostics.some((d) => d.file === "drafts/one.rst")).toBe(true);
    expect(r.diagnostics).toEqual(run(root, plainStages({ cacheDir: undefined }), "rst").diagnostics);
  });

  it("checks again only the parts of the checks that read a changed data file, reporting as the plain stages do", () => {
    const { root, cacheDir } = tempTree();
    const first = counted();
    run(root, memoStages(first.stages, cacheDir), "rst");
    expect(first.fileChecks).toContain("event example event-schemas/examples/v1/m.room.topic");
    expect(first.fileChecks.filter((f) => f.startsWith("swagger ")).length).toBeGreaterThan(0);

    edit(join(root, "event-schemas/examples/v1/m.room.topic"), '"topic":', '"topic": 5, "x":');
    const after = counted();
    const r = run(root, memoStages(after.stages, cacheDir), "rst");
    expect(after.fileChecks).toEqual(["event example event-schemas/examples/v1/m.room.topic"]);
    const plain = run(root, plainStages({ cacheDir: undefined }), "rst");
    expect(r.diagnostics.some((d) => d.code === "example-invalid")).toBe(true);
    expect(r.diagnostics).toEqual(plain.diagnostics);
    expect(r.examples).toBe(plain.examples);

    // The schema changes: its example is checked again, with the schema files that read it.
    edit(join(root, "event-schemas/schema/v1/m.room.topic"), '"description": "The topic text."', '"description": "The topic."');
    const schema = counted();
    run(root, memoStages(schema.stages, cacheDir), "rst");
    expect(schema.fileChecks.sort()).toEqual(["event example event-schemas/examples/v1/m.room.topic", "schema file event-schemas/schema/v1/m.room.topic"]);
  });

  it("keeps no part that met a schema that does not compile", () => {
    const { root, cacheDir } = tempTree();
    edit(join(root, "event-schemas/schema/v1/m.room.topic"), '"type": "string",\n                    "description": "The topic text."', '"type": "text",\n                    "description": "The topic text."');
    const plain = run(root, plainStages({ cacheDir: undefined }), "rst");
    // Reported as an invalid schema file; the example's validation meets the schema that does not compile.
    expect(plain.diagnostics.some((d) => d.code === "schema-invalid")).toBe(true);
    run(root, memoStages(counted().stages, cacheDir), "rst");
    // Another data file changes, so the data checks run: the example's part was not kept.
    edit(join(root, "api/client-server/v1/typing.yaml"), "description:", "description: Changed by the test.");
    const again = counted();
    const r = run(root, memoStages(again.stages, cacheDir), "rst");
    expect(again.fileChecks).toContain("event example event-schemas/examples/v1/m.room.topic");
    expect(again.fileChecks).not.toContain("schema file event-schemas/schema/v1/core-event-schema/event.json");
    expect(r.diagnostics).toEqual(run(root, plainStages({ cacheDir: undefined }), "rst").diagnostics);
  });

  it("renders the variables again when a data file changes, and the pages whose text changed with them", () => {
    const { root, cacheDir } = tempTree();
    run(root, memoStages(counted().stages, cacheDir), "page");
    edit(join(root, "api/client-server/v1/typing.yaml"), "description:", "description: Changed by the test.");
    const after = counted();
    const r = run(root, memoStages(after.stages, cacheDir), "page");
    expect(after.calls.variables).toBe(1);
    expect(html(r)).toEqual(html(run(root, plainStages({ cacheDir: undefined }), "page")));
  });

  it("writes the same build from kept results, API descriptions and search indexes included", async () => {
    const { root, cacheDir } = tempTree();
    const files = (out: string) => Object.fromEntries(readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name).slice(out.length), readFileSync(join(e.parentPath, e.name), "utf8")]));
    const build = async (stages: Stages, out: string) => {
      const r = await runBuild({ root, out: join(cacheDir, "..", out), stages, gitRev: "abc1234" });
      expect(r.ok).toBe(true);
      return files(join(cacheDir, "..", out));
    };
    const plain = await build(plainStages({ cacheDir: undefined }), "plain");
    expect(Object.keys(plain).some((f) => f.includes("/api/"))).toBe(true);
    expect(await build(memoStages(counted().stages, cacheDir), "cold")).toEqual(plain);
    const warm = counted();
    expect(await build(memoStages(warm.stages, cacheDir), "warm")).toEqual(plain);
    expect(warm.calls).toMatchObject({ page: 0, api: 0, search: 0 });
  });

  it("validates again only the merged API descriptions that changed", async () => {
    const { root, cacheDir } = tempTree();
    const build = async (stages: Stages) => {
      const r = await runBuild({ root, out: join(cacheDir, "..", "out"), stages, gitRev: "abc1234" });
      expect(r.ok).toBe(true);
      return r;
    };
    const first = counted();
    await build(memoStages(first.stages, cacheDir));
    expect(first.fileChecks.filter((f) => f.startsWith("merged api"))).toEqual(["merged api client-server"]);
    edit(join(root, "event-schemas/examples/v1/m.room.topic"), '"topic": "', '"topic": "Edited: ');
    const events = counted();
    await build(memoStages(events.stages, cacheDir));
    expect(events.calls.api).toBe(1);
    expect(events.fileChecks.filter((f) => f.startsWith("merged api"))).toEqual([]);
    edit(join(root, "api/client-server/v1/typing.yaml"), "description:", "description: Changed by the test.");
    const api = counted();
    await build(memoStages(api.stages, cacheDir));
    expect(api.fileChecks.filter((f) => f.startsWith("merged api"))).toEqual(["merged api client-server"]);
  });

  it("computes again a kept result that is damaged", () => {
    const { root, cacheDir } = tempTree();
    const cold = run(root, memoStages(counted().stages, cacheDir), "page");
    const dir = join(cacheDir, "stages");
    const kept = readdirSync(dir);
    expect(kept.length).toBeGreaterThan(3);
    for (const name of kept) writeFileSync(join(dir, name), readFileSync(join(dir, name), "utf8").slice(0, 20));
    const after = counted();
    expect(html(run(root, memoStages(after.stages, cacheDir), "page"))).toEqual(html(cold));
    expect(after.calls).toMatchObject({ check: 2, variables: 1, page: 2 });
  });

  it("never keeps a page that uses the date directive", () => {
    const { root, cacheDir } = tempTree();
    writeFileSync(join(root, "specification/intro.rst"), readFileSync(join(root, "specification/intro.rst"), "utf8") + "\n.. |now| date:: %H:%M:%S\n\nBuilt at |now|.\n");
    run(root, memoStages(counted().stages, cacheDir), "rst");
    const again = counted();
    run(root, memoStages(again.stages, cacheDir), "rst");
    expect(again.calls.rst).toBe(1); // the page with the date; the how-to was kept
  });

  it("renders the git variables again after a commit", () => {
    const { root, cacheDir } = tempTree();
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: root, stdio: "pipe" }).toString();
    try {
      git("init", "-q");
    } catch {
      return void console.warn("git is not available: the git state test is skipped");
    }
    git("add", "-A");
    git("commit", "-qm", "one");
    const first = runPipeline({ root, until: "page", stages: memoStages(counted().stages, cacheDir) });
    git("commit", "-q", "--allow-empty", "-m", "two");
    const after = counted();
    const second = runPipeline({ root, until: "page", stages: memoStages(after.stages, cacheDir) });
    expect(after.calls.variables).toBe(1);
    expect(second.gitRev).not.toBe(first.gitRev);
    expect(second.gitRev).toBe(git("rev-parse", "--short", "HEAD").trim());
  });
});

describe("the tree's digests", () => {
  it("list every entry a loader could report on, and leave out version control, libraries and output", () => {
    const { root } = tempTree();
    const before = hashDigests(treeDigests(root));
    for (const skipped of [".git", "node_modules", "gen"]) {
      mkdirSync(join(root, skipped));
      writeFileSync(join(root, skipped, "f"), "x");
    }
    expect(hashDigests(treeDigests(root))).toBe(before);
    try {
      execFileSync("mkfifo", [join(root, "api/pipe.yaml")]);
    } catch {
      return void console.warn("mkfifo is not available: the named-pipe case is skipped");
    }
    expect(treeDigests(root).find((f) => f.path === "api/pipe.yaml")?.digest).toBe("not a regular file");
    expect(hashDigests(treeDigests(root))).not.toBe(before);
  });
});
