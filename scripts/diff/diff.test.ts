// `matrix-doc diff` on a fixture repository: the API report (an added
// operation, a removed request field and a newly required one, both breaking,
// an added optional response field, not breaking), the changed paragraph with
// its exact words marked, the links to both versions, `--format json`, and
// `--fail-on breaking`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { makeFixtureRepo, type FixtureRepo } from "../history/testing/fixture-repo.ts";
import { runCli } from "../testing/cli-in-process.ts";
import { runDiff, type DiffResult } from "./run-diff.ts";

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), "../../bin/matrix-doc.js");
const TYPING = "PUT /_matrix/client/api/v1/rooms/{roomId}/typing/{userId}";

/** `matrix-doc` as a process in `cwd`: the first call, end to end through bin/matrix-doc.js. */
function cliProcess(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The other calls: main() in this process, in `cwd` (scripts/testing/cli-in-process.ts). */
const cli = (cwd: string, args: string[]) => runCli(args, { cwd });

describe("diff v0.1.0 v0.2.0", () => {
  let repo: FixtureRepo;
  let result: DiffResult;
  let page: string;

  beforeAll(async () => {
    repo = makeFixtureRepo();
    result = await runDiff({ root: repo.dir, from: "v0.1.0", to: "v0.2.0" });
    page = readFileSync(join(repo.dir, "gen/diff/v0.1.0..v0.2.0/index.html"), "utf8");
  }, 60_000);

  it("reports each API change with whether it breaks", () => {
    expect(result.diagnostics).toEqual([]);
    const changes = result.report!.api.map((c) => [c.area, c.subject, c.item ?? "", c.kind, c.breaking]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ["operation", "GET /_matrix/client/api/v1/rooms/{roomId}/typists", "", "added", false],
        ["request", TYPING, "request body reason", "removed", true],
        ["request", TYPING, "request body timeout", "made-required", true],
        ["response", TYPING, "response 200 expires_at", "added", false],
      ]),
    );
    expect(changes).toHaveLength(4);
    expect(result.report!.breaking).toBe(2);
  });

  it("puts the API report first on the page, breaking changes marked", () => {
    expect(page.indexOf('id="api"')).toBeLessThan(page.indexOf('id="text"'));
    const rows = [...page.matchAll(/<tr class="(breaking|compatible)">(.*?)<\/tr>/g)].map((m) => [m[1], m[2].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim()]);
    expect(rows).toContainEqual(["breaking", `breaking Request field ${TYPING} request body reason removed was string`]);
    expect(rows).toContainEqual(["compatible", `non-breaking Response field ${TYPING} response 200 expires_at added integer`]);
    expect(page).toContain("API changes: 4 (2 breaking)");
  });

  it("marks the exact words of a changed paragraph, and links to the section in both versions", () => {
    expect(page).toContain("Clients <del>say</del><ins>tell the server</ins> when their user is typing.");
    expect(page).toContain('<a href="from/v0.1.0/index.html#typing">in v0.1.0</a>');
    expect(page).toContain('<a href="to/v0.2.0/index.html#typing">in v0.2.0</a>');
    expect(existsSync(join(repo.dir, "gen/diff/v0.1.0..v0.2.0/to/v0.2.0/index.html"))).toBe(true);
    // The new operation's section is added, and unchanged sections are collapsed.
    expect(page).toMatch(/<section class="diff-section added"[^>]*><h3><span class="status">added<\/span> List who is typing\. GET \/_matrix\/client\/api\/v1\/rooms\/\{roomId\}\/typists/);
    expect(page).toMatch(/<details class="unchanged"><summary>\d+ unchanged sections?<\/summary>/);
    expect(page).not.toMatch(/diff-section unchanged/);
  });
});

describe("the diff command", () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = makeFixtureRepo({ tags: true });
  });

  it("prints the API report as JSON and fails on breaking changes only when asked", async () => {
    const json = cliProcess(repo.dir, ["diff", "v0.1.0", "v0.2.0", "--format", "json", "--fail-on", "breaking"]);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.from).toEqual({ name: "v0.1.0", commit: repo.commits.c2, version: "v0.1.0" });
    expect(report.breaking).toBe(2);
    expect(report.api.filter((c: { breaking: boolean }) => c.breaking).map((c: { item: string }) => c.item).sort()).toEqual(["request body reason", "request body timeout"]);
    expect(report.sections.changed.map((s: { id: string }) => s.id)).toContain("typing");
    // The same changes without --fail-on: exit 0.
    expect((await cli(repo.dir, ["diff", "v0.1.0", "v0.2.0", "--format", "json"])).status).toBe(0);
  }, 60_000);

  it("exits 0 with --fail-on breaking when the changes are all compatible, including against the working tree", async () => {
    const compatible = await cli(repo.dir, ["diff", "v0.2.0", repo.commits.c4, "--fail-on", "breaking"]);
    expect(compatible.stderr).toBe("");
    expect(compatible.status).toBe(0);
    expect(compatible.stdout).toMatch(/Response field added: PUT .* response 200 server \(string\)/);
    expect(compatible.stdout).toContain("1 API change (0 breaking)");
    // An uncommitted breaking edit of the working tree is seen.
    const typing = join(repo.dir, "api/client-server/v1/typing.yaml");
    writeFileSync(typing, readFileSync(typing, "utf8").replace(`            required: ["typing", "timeout"]`, `            required: ["typing", "timeout", "since"]`).replace(`              timeout:\n`, `              since:\n                type: integer\n                description: Since when.\n              timeout:\n`).replace(`"timeout": 30000\n`, `"timeout": 30000,\n                "since": 1\n`));
    const breaking = await cli(repo.dir, ["diff", "HEAD", "worktree", "--fail-on", "breaking"]);
    expect(breaking.stdout).toMatch(/BREAKING Request field added: PUT .* request body since \(integer, required\)/);
    expect(breaking.status).toBe(1);
    expect(existsSync(join(repo.dir, "gen/diff/HEAD..worktree/index.html"))).toBe(true);
  }, 60_000);

  it("says which side is unknown, with exit 2", async () => {
    const r = await cli(repo.dir, ["diff", "v9.9.9", "HEAD"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("No release v9.9.9 was found");
  }, 30_000);
});
