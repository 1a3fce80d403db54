// `build --rev` and `build --releases` on a fixture repository: the gen/ tree
// they produce, a revision that cannot be built skipped with its reason, the
// working tree built as `unstable` only when it is ahead, and the work tree
// never touched.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../testing/cli-in-process.ts";
import { makeFixtureRepo, type FixtureRepo } from "./testing/fixture-repo.ts";

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), "../../bin/matrix-doc.js");

/** `matrix-doc` as a process in `cwd`: the first build, end to end through bin/matrix-doc.js and git. */
function cliProcess(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The other calls: main() in this process, in `cwd` (scripts/testing/cli-in-process.ts). */
const cli = (cwd: string, args: string[]) => runCli(args, { cwd });

const read = (path: string) => readFileSync(path, "utf8");

describe("build --rev", () => {
  it("builds a tag, a commit and a branch from git without touching the work tree", async () => {
    const repo = makeFixtureRepo({ tags: true });
    const status = repo.git("status", "--porcelain");
    const out = join(repo.dir, "gen");
    const r = cliProcess(repo.dir, ["build", "--rev", "v0.1.0"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/built v0\.1\.0 as v0\.1\.0 into gen\/v0\.1\.0\//);
    const page = read(join(out, "v0.1.0/index.html"));
    // The revision shown is the tagged commit, and its text is the old one.
    expect(page).toContain(`<code>${repo.commits.c2.slice(0, 7)}</code>`);
    expect(page).toContain("Clients say when their user is typing.");
    expect(existsSync(join(out, "v0.1.0/api/client-server.json"))).toBe(true);
    expect(JSON.parse(read(join(out, "v0.1.0/version.json")))).toMatchObject({ name: "v0.1.0", release: "v0.1.0", date: "2020-01-01", pages: ["index.html", "howtos.html"] });

    expect((await cli(repo.dir, ["build", "--rev", repo.commits.c4.slice(0, 10)])).status).toBe(0);
    expect(read(join(out, "v0.2.0/index.html"))).toContain("Clients tell the server when their user is typing.");
    expect(readdirSync(out).sort()).toEqual(["index.html", "latest", "v0.1.0", "v0.2.0", "versions.js"]);
    expect(read(join(out, "latest/index.html"))).toBe(read(join(out, "v0.2.0/index.html")));
    // The work tree and the index are as they were (gen/ aside).
    expect(repo.git("status", "--porcelain").split("\n").filter((l) => !l.includes("gen/")).join("\n")).toBe(status);
  }, 60_000);

  it("reports a revision it cannot build and one git does not know, and finds a release version without tags", async () => {
    const repo = makeFixtureRepo();
    const bad = await cli(repo.dir, ["build", "--rev", repo.commits.c0]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/was skipped: this toolchain cannot build its sources \(1 error; first: specification\/typing\.rst:\d+: .*no_such_variable/);
    expect(existsSync(join(repo.dir, "gen/v0.0.9"))).toBe(false);
    const unknown = await cli(repo.dir, ["build", "--rev", "no-such-branch"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('git knows no revision "no-such-branch"');
    // Without tags, a release version is found in the changelog's history.
    const release = await cli(repo.dir, ["build", "--rev", "v0.2.0"]);
    expect(release.status).toBe(0);
    expect(readFileSync(join(repo.dir, "gen/v0.2.0/index.html"), "utf8")).toContain(`<code>${repo.commits.c3.slice(0, 7)}</code>`);
  }, 60_000);
});

describe("build --releases", () => {
  let repo: FixtureRepo;
  let first: Awaited<ReturnType<typeof cli>>;
  let out: string;

  beforeAll(async () => {
    repo = makeFixtureRepo();
    // The working tree is ahead of the newest release (c3): c4 and an uncommitted edit.
    writeFileSync(join(repo.dir, "specification/intro.rst"), read(join(repo.dir, "specification/intro.rst")).replace("A table:", "A small table:"));
    out = join(repo.dir, "gen");
    first = await cli(repo.dir, ["build", "--releases"]);
  }, 120_000);

  it("builds every release found without tags, and the working tree as unstable", () => {
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`built v0.1.0 (2020-01-01, ${repo.commits.c1.slice(0, 7)}, from the changelog history) as v0.1.0`);
    expect(first.stdout).toContain(`built v0.2.0 (2020-02-01, ${repo.commits.c3.slice(0, 7)}, from the changelog history) as v0.2.0`);
    expect(first.stdout).toContain("built the working tree as unstable");
    expect(readdirSync(out).sort()).toEqual(["index.html", "latest", "unstable", "v0.1.0", "v0.2.0", "versions.js"]);
    expect(read(join(out, "unstable/index.html"))).toContain("A small table:");
    expect(read(join(out, "unstable/index.html"))).toContain("unstable (after v0.2.0)");
    // latest/ is the newest release, not the working tree.
    expect(read(join(out, "latest/index.html"))).toBe(read(join(out, "v0.2.0/index.html")));
  });

  it("skips the release it cannot build, with the reason, and builds the others", () => {
    expect(first.stderr).toMatch(/warning v0\.0\.9 \([0-9a-f]{7}\) was skipped: this toolchain cannot build its sources .*no_such_variable.* \[rev-not-built\]/);
    expect(first.stdout).toContain("skipped v0.0.9");
    expect(existsSync(join(out, "v0.0.9"))).toBe(false);
  });

  it("lists the versions with their dates on gen/index.html and in gen/versions.js", () => {
    const index = read(join(out, "index.html"));
    const rows = [...index.matchAll(/<li><a href="([^"]+)\/index.html">(.*?)<\/a><\/li>/g)].map((m) => [m[1], m[2].replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim()]);
    expect(rows).toEqual([
      ["unstable", "unstable after v0.2.0"],
      ["v0.2.0", "v0.2.0 latest released 2020-02-01"],
      ["v0.1.0", "v0.1.0 released 2020-01-01"],
    ]);
    const script = read(join(out, "versions.js"));
    const data = JSON.parse(script.slice(script.indexOf("{"), script.lastIndexOf("}") + 1));
    expect(data.latest).toBe("v0.2.0");
    expect(data.versions.map((v: { name: string }) => v.name)).toEqual(["unstable", "v0.2.0", "v0.1.0"]);
  });

  it("builds only what is missing the next time, and no unstable once the tree is a release", async () => {
    repo.git("checkout", "-q", "--", "specification/intro.rst");
    repo.git("reset", "-q", "--hard", repo.commits.c3);
    const again = await cli(repo.dir, ["build", "--releases"]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("v0.1.0 (2020-01-01");
    expect(again.stdout).toMatch(/v0\.1\.0 .* is already in gen\//);
    expect(again.stdout).not.toContain("as unstable");
  }, 60_000);
});
