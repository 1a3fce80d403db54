// A small git repository made for a test: the build's mini tree
// (scripts/build/fixtures/mini-tree) committed as a few releases.
//
//   c0  v0.0.9  a tree this toolchain cannot build (an unknown variable)
//   c1  v0.1.0  the mini tree, typing body {typing*, timeout, reason}
//   c2  v0.1.0  a wording fix                                  (tag v0.1.0 when asked)
//   c3  v0.2.0  a new operation; `reason` removed; `timeout` required;
//               an optional `expires_at` in the response; "say" → "tell the server"
//   c4  v0.2.0  only compatible changes: an optional response field `server`
//
// Commits are made with a fixed author so that tests never depend on the
// machine's git configuration. The repository is made once per test worker and
// each call gets a copy of it (its own folder, free to edit).
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const MINI_TREE = resolve(dirname(fileURLToPath(import.meta.url)), "../../build/fixtures/mini-tree");
const TYPING = "api/client-server/v1/typing.yaml";
const INTRO = "specification/typing.rst";

export interface FixtureRepo {
  dir: string;
  commits: { c0: string; c1: string; c2: string; c3: string; c4: string };
  git(...args: string[]): string;
}

function changelog(entries: [string, string, string][]): string {
  return entries.map(([v, date, body]) => {
    const title = `Specification changes in ${v} (${date})`;
    return `${title}\n${"=".repeat(title.length)}\n\n- ${body}\n`;
  }).join("\n");
}

const V010: [string, string, string] = ["v0.1.0", "2020-01-01", "First release."];
const V020: [string, string, string] = ["v0.2.0", "2020-02-01", "Typing: timeout required, reason removed, a list of typists."];

const gitIn = (dir: string) => (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Spec Editor", "-c", "user.email=editor@example.org", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", ...args], { cwd: dir, encoding: "utf8" }).trim();

/** The repository without tags, made once per test worker (some thirty git processes) and copied for each test. */
let template: { dir: string; commits: FixtureRepo["commits"] } | undefined;

export function makeFixtureRepo(options: { tags?: boolean } = {}): FixtureRepo {
  template ??= createFixtureRepo();
  const dir = join(mkdtempSync(join(tmpdir(), "history-repo-")), "repo");
  cpSync(template.dir, dir, { recursive: true, verbatimSymlinks: true });
  const git = gitIn(dir);
  // Lightweight tags, as createFixtureRepo would have made them.
  if (options.tags) {
    git("tag", "v0.1.0", template.commits.c2);
    git("tag", "v0.2.0", template.commits.c3);
  }
  return { dir, commits: { ...template.commits }, git };
}

function createFixtureRepo(): { dir: string; commits: FixtureRepo["commits"] } {
  const dir = join(mkdtempSync(join(tmpdir(), "history-repo-template-")), "repo");
  process.once("exit", () => rmSync(dirname(dir), { recursive: true, force: true }));
  cpSync(MINI_TREE, dir, { recursive: true });
  const git = gitIn(dir);
  const edit = (path: string, f: (s: string) => string) => {
    const before = readFileSync(join(dir, path), "utf8");
    const after = f(before);
    if (after === before) throw new Error(`fixture edit of ${path} changed nothing`);
    writeFileSync(join(dir, path), after);
  };
  const commit = (message: string) => {
    git("add", "-A");
    git("commit", "-q", "-m", message);
    return git("rev-parse", "HEAD");
  };
  git("init", "-q");

  // c0: an early tree the toolchain cannot build.
  const typingRst = readFileSync(join(dir, INTRO), "utf8");
  writeFileSync(join(dir, "CHANGELOG.rst"), changelog([["v0.0.9", "2019-12-01", "A draft."]]));
  writeFileSync(join(dir, INTRO), typingRst + "\n{{no_such_variable}}\n");
  const c0 = commit("draft 0.0.9");

  // c1: the first release.
  writeFileSync(join(dir, INTRO), typingRst);
  writeFileSync(join(dir, "CHANGELOG.rst"), changelog([V010]));
  edit(TYPING, (s) => s.replace(`            required: ["typing"]`, `              reason:
                type: string
                description: Why the user is typing, shown to nobody.
            required: ["typing"]`));
  const c1 = commit("release 0.1.0");

  // c2: a wording fix.
  edit("specification/intro.rst", (s) => s.replace("This is version", "This is the version"));
  const c2 = commit("intro: wording");

  // c3: the second release.
  writeFileSync(join(dir, "CHANGELOG.rst"), changelog([V020, V010]));
  edit(INTRO, (s) => s.replace("Clients say when their user is typing.", "Clients tell the server when their user is typing."));
  edit(TYPING, (s) =>
    s
      .replace(/              reason:\n.*\n.*\n/, "")
      .replace(`            required: ["typing"]`, `            required: ["typing", "timeout"]`)
      .replace(`          schema:
            type: object # empty json object`, `          schema:
            type: object
            properties:
              expires_at:
                type: integer
                description: When the typing notice ends, in milliseconds since the epoch.`)
      .replace(`            application/json: |-
              {}`, `            application/json: |-
              {"expires_at": 1431961217939}`)
      .replace(`paths:\n`, `paths:
  "/rooms/{roomId}/typists":
    get:
      operationId: getTypists
      summary: List who is typing.
      description: The users typing in the room now.
      security:
        - accessToken: []
      parameters:
        - in: path
          type: string
          name: roomId
          description: The room.
          required: true
          x-example: "!wefh3sfukhs:example.com"
      responses:
        200:
          description: The users typing.
          examples:
            application/json: |-
              {"user_ids": ["@alice:example.com"]}
          schema:
            type: object
            properties:
              user_ids:
                type: array
                items:
                  type: string
                description: Their user IDs.
`),
  );
  const c3 = commit("release 0.2.0");

  // c4: compatible changes only.
  edit(TYPING, (s) => s.replace(`              expires_at:
                type: integer`, `              server:
                type: string
                description: The server that took the notice.
              expires_at:
                type: integer`));
  const c4 = commit("typing: say which server took the notice");
  return { dir, commits: { c0, c1, c2, c3, c4 } };
}
