// The preview's incremental build gives what a full `matrix-doc build` gives: the
// same pages, byte for byte, and the same diagnostics, after each kind of edit —
// and it redoes only what the edit touches.
import { createHash } from "node:crypto";
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuild, type BuildResult } from "../build/build.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { PreviewSession, type SessionBuild } from "./session.ts";
import { copyRepositoryTree, type TempTree } from "./test-tree.ts";

const key = (d: Diagnostic) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`;

describe("PreviewSession on a copy of the repository", () => {
  let tree: TempTree;
  let session: PreviewSession;
  let outs: string;

  beforeAll(() => {
    tree = copyRepositoryTree("serve-session-");
    outs = mkdtempSync(join(tmpdir(), "serve-session-out-"));
    session = new PreviewSession({ root: tree.root, out: tree.out });
  });

  afterAll(() => {
    tree?.remove();
    rmSync(outs, { recursive: true, force: true });
  });

  const path = (rel: string) => join(tree.root, rel);
  const edit = (rel: string, from: string, to: string) => {
    const text = readFileSync(path(rel), "utf8");
    expect(text, rel).toContain(from);
    writeFileSync(path(rel), text.replace(from, to));
  };

  /** Every file of the tree (links as their targets) with its content: equal states of the tree hash equal. */
  const treeHash = () => {
    const hash = createHash("sha256");
    const visit = (rel: string) => {
      for (const name of readdirSync(join(tree.root, rel)).sort()) {
        const r = rel ? `${rel}/${name}` : name;
        const stat = lstatSync(join(tree.root, r));
        if (stat.isDirectory()) visit(r);
        else hash.update(`${r}\0${stat.isSymbolicLink() ? `-> ${readlinkSync(join(tree.root, r))}` : readFileSync(join(tree.root, r), "latin1")}\0`);
      }
    };
    visit("");
    return hash.digest("hex");
  };
  // A full build is a function of the tree: when the edits of a test put the
  // tree back in a state already built from scratch, that build's result is
  // the one to compare with (and the build is not run again).
  const fullBuilds = new Map<string, Promise<BuildResult>>();
  const fullBuild = () => {
    const key = treeHash();
    let full = fullBuilds.get(key);
    if (!full) {
      full = runBuild({ root: tree.root, out: mkdtempSync(join(outs, "full-")) });
      fullBuilds.set(key, full);
    }
    return full;
  };

  /** Builds incrementally and from scratch, and compares. */
  async function same(changed: string[]): Promise<SessionBuild> {
    const build = session.build(changed);
    const full = await fullBuild();
    expect(build.ok).toBe(full.ok);
    expect(build.diagnostics.map(key).sort()).toEqual(full.diagnostics.map(key).sort());
    if (full.ok) {
      for (const page of ["index.html", "howtos.html"]) {
        const expected = readFileSync(join(full.outDir, full.version!, page), "utf8");
        expect(build.pages.get(page) === expected, `${page} differs from the full build's`).toBe(true);
      }
    }
    return build;
  }

  it("builds the same pages as matrix-doc build", async () => {
    const first = await same([]);
    expect(first.ok).toBe(true);
    expect(first.redone.pages).toEqual(["index.html", "howtos.html"]);
    // The search index of a page, made on demand, is the one the build writes.
    const full = await fullBuild();
    expect(session.searchIndex("index.search.js")).toBe(readFileSync(join(full.outDir, full.version!, "index.search.js"), "utf8"));
    expect(session.searchIndex("nothing.search.js")).toBeUndefined();
  }, 120_000);

  it("after an endpoint's description changes, renders one variable and one section again", async () => {
    const file = "api/client-server/v1/profile.yaml";
    edit(file, "Sets the display name of the given user.", "Sets the display name of the given user, and nothing else.");
    const build = await same([file]);
    expect(build.redone.variables).toEqual([`endpoint units ${file}`, `endpoint.njk ${file}`]);
    expect(build.redone.checks).toEqual([`swagger ${file}`, `api examples ${file}`]);
    // Only the endpoint's section is rendered again, and the page is still the full build's.
    expect(build.redone.pages, build.redone.fallbacks.join("; ")).toEqual([]);
    expect(build.redone.sections).toEqual(["index.html#put-matrix-client-api-v1-profile-userid-displayname"]);
    expect(build.changedPages).toEqual(["index.html"]);
    expect(build.pages.get("index.html")).toContain("and nothing else.");
  }, 120_000);

  it("after an RST file and an event schema change", async () => {
    const rst = "specification/modules/typing_notifications.rst";
    writeFileSync(path(rst), readFileSync(path(rst), "utf8") + "\nA sentence added by the preview's test.\n");
    const schema = "event-schemas/schema/v1/m.typing";
    const text = readFileSync(path(schema), "utf8");
    writeFileSync(path(schema), text.replace(/"description": "([^"]*)"/, '"description": "$1 Changed by the test."'));
    const build = await same([rst, schema]);
    expect(build.redone.variables.length).toBeLessThan(5);
    expect(build.pages.get("index.html")).toContain("A sentence added by the preview");
  }, 120_000);

  it("renders single sections exactly as the whole page, or falls back", async () => {
    const rst = "specification/modules/typing_notifications.rst";
    const original = readFileSync(path(rst), "utf8");
    session.build([]);
    const step = async (from: string, to: string) => {
      writeFileSync(path(rst), original.replace(from, to));
      return same([rst]);
    };
    // A paragraph right after a title, and one right before the next title.
    let b = await step("Users like to know", "A first paragraph.\n\nUsers like to know");
    expect(b.redone.sections.length + b.redone.pages.length).toBe(1);
    b = await step("typing in a room.\n\nTyping events", "typing in a room.\n\nA last paragraph.\n\nTyping events");
    // A reference to a section elsewhere on the page, and a target of its own.
    b = await step("Clients SHOULD choose", "See `Signing JSON`_ and here_.\n\n.. _here:\n\nClients SHOULD choose");
    expect(b.redone.sections).toHaveLength(1);
    // Lines removed at the end of a section.
    b = await step("Typing notifications are ephemeral: they are not stored in the room's history\nand a user who joins later never sees them.\n", "");
    // A reference to nothing: an error, reported as the whole build reports it.
    b = await step("Clients SHOULD choose", "See nowhere_.\n\nClients SHOULD choose");
    expect(b.ok).toBe(false);
    // An auto-numbered footnote reaches across the page: the whole page is rendered.
    b = await step("Clients SHOULD choose", "A note [#]_.\n\n.. [#] The note.\n\nClients SHOULD choose");
    expect(b.redone.sections).toHaveLength(0);
    // A title that changes, and back.
    await step("Typing client behaviour\n-----------------------", "Typing clients\n--------------");
    writeFileSync(path(rst), original);
    await same([rst]);
  }, 300_000);

  it("keeps the last good pages while an example is invalid, with the full build's diagnostics", async () => {
    const good = session.lastGood!.pages.get("index.html");
    const file = "api/client-server/v1/profile.yaml";
    edit(file, '"displayname": "Alice Margatroid"', '"displayname": 42');
    const broken = await same([file]);
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics.some((d) => d.code === "example-invalid" && d.file === file && d.line! > 0)).toBe(true);
    expect(session.lastGood!.pages.get("index.html")).toBe(good);
    edit(file, '"displayname": 42', '"displayname": "Alice Margatroid"');
    expect((await same([file])).ok).toBe(true);
  }, 120_000);

  it("reports bad YAML and a malformed changelog title at file:line, and recovers", async () => {
    const file = "api/client-server/v1/typing.yaml";
    const yaml = readFileSync(path(file), "utf8");
    writeFileSync(path(file), yaml.replace("paths:", "paths: [\n"));
    const bad = await same([file]);
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.some((d) => d.file === file && d.line! > 0)).toBe(true);
    writeFileSync(path(file), yaml);
    expect((await same([file])).ok).toBe(true);

    const log = readFileSync(path("CHANGELOG.rst"), "utf8");
    writeFileSync(path("CHANGELOG.rst"), log.replace("Specification changes in v0.2.0 (2015-10-02)", "Specification changes in version two (2015-10-02)"));
    const badLog = await same(["CHANGELOG.rst"]);
    expect(badLog.ok).toBe(false);
    expect(badLog.diagnostics.some((d) => d.file === "CHANGELOG.rst" && d.line! > 0)).toBe(true);
    writeFileSync(path("CHANGELOG.rst"), log);
    expect((await same(["CHANGELOG.rst"])).ok).toBe(true);
  }, 240_000);

  it("follows files being deleted and renamed", async () => {
    const example = "event-schemas/examples/v1/m.typing";
    const saved = readFileSync(path(example), "utf8");
    unlinkSync(path(example));
    await same([example]);
    writeFileSync(path(example), saved);
    const api = "api/client-server/v1/typing.yaml";
    renameSync(path(api), path("api/client-server/v1/typing-renamed.yaml"));
    const renamed = await same([api, "api/client-server/v1/typing-renamed.yaml"]);
    expect(renamed.ok).toBe(false);
    renameSync(path("api/client-server/v1/typing-renamed.yaml"), path(api));
    expect((await same([api, "api/client-server/v1/typing-renamed.yaml", example])).ok).toBe(true);
  }, 240_000);
});
