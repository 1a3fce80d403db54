// `matrix-doc check` over one fixture tree per failure class. Each tree is the
// valid `fixtures/base/` tree with the class's files laid over it, copied to a
// temporary folder (symbolic links kept as they are).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { eventExamples as eventExamplesCheck } from "./event-examples.ts";
import { runChecks } from "../check-command/run.ts";
import { runCli } from "../testing/cli-in-process.ts";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const fixtures = join(here, "fixtures");
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function tree(cls?: string): string {
  const dir = mkdtempSync(join(tmpdir(), `check-${cls ?? "base"}-`));
  temps.push(dir);
  const root = join(dir, "root");
  cpSync(join(fixtures, "base"), root, { recursive: true, verbatimSymlinks: true });
  if (cls) cpSync(join(fixtures, cls), root, { recursive: true, verbatimSymlinks: true, force: true });
  return root;
}

/** Run the checks without the caches in node_modules/.cache (the cache tests below use their own folder). */
const check = (root: string) => runChecks(root, { cacheDir: null });

/** `code file:line` for each diagnostic, the shape most assertions compare. */
const places = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.file}:${d.line ?? "-"}`);

/** `matrix-doc check` as a process, end to end through bin/matrix-doc.js (one test). */
function cliProcess(...args: string[]) {
  const r = spawnSync(process.execPath, [join(repo, "bin/matrix-doc.js"), "check", ...args], { encoding: "utf8", cwd: repo });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `matrix-doc check` through main() in this process (scripts/testing/cli-in-process.ts). */
async function cli(...args: string[]) {
  const r = await runCli(["check", ...args], { cwd: repo });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the base fixture", () => {
  it("is clean: Swagger, examples through a symbolic link, schemas and changelog all pass", () => {
    const result = check(tree());
    expect(result.diagnostics).toEqual([]);
    expect(result.summary).toMatchObject({ files: 8, examples: 5, errors: 0, warnings: 0 });
  });
});

describe("failure classes", () => {
  it("1. a Swagger file that breaks the Swagger 2.0 schema", () => {
    const { diagnostics } = check(tree("swagger-invalid"));
    expect(places(diagnostics)).toEqual(["swagger-schema api/client-server/v1/broken.yaml:16"]);
    expect(diagnostics[0].message).toBe("Not valid Swagger 2.0: `responses.200` lacks the required property `description`.");
  });

  it("1. a Swagger file that breaks a rule beyond the schema (swagger-parser's spec rules)", () => {
    const { diagnostics } = check(tree("swagger-spec"));
    expect(places(diagnostics)).toEqual(["swagger-spec api/client-server/v1/typing.yaml:7"]);
    expect(diagnostics[0].message).toContain('path parameter named "userId"');
  });

  it("2. request and response examples that do not match their schemas, placed inside the YAML block", () => {
    const { diagnostics } = check(tree("api-example-invalid"));
    expect(places(diagnostics)).toEqual([
      "example-invalid api/client-server/v1/membership.yaml:22",
      "example-invalid api/client-server/v1/membership.yaml:36",
      "example-invalid api/client-server/v1/membership.yaml:46",
    ]);
    const [enumError, typeError, required] = diagnostics;
    expect(enumError).toMatchObject({ column: 31, pointer: "/membership", keyword: "enum" });
    expect(enumError.message).toBe(
      'The request example of POST /rooms/{roomId}/invite: `membership` must be one of invite, join, leave, ban, knock; the example has "joined".',
    );
    expect(typeError).toMatchObject({ column: 28, pointer: "/event_id", keyword: "type" });
    // The schema of the 403 response is a `$ref` to definitions/error.yaml.
    expect(required).toMatchObject({ column: 15, keyword: "required" });
    expect(required.message).toContain("lacks the required property `errcode`");
  });

  it("2. an example that is not JSON, and an empty one", () => {
    const { diagnostics } = check(tree("api-example-not-json"));
    expect(places(diagnostics)).toEqual([
      "example-not-json api/client-server/v1/login.yaml:19",
      "example-empty api/client-server/v1/login.yaml:24",
    ]);
    expect(diagnostics[0].column).toBe(15);
  });

  it("3. an event example that does not match its schema (with the core schema reached by $ref)", () => {
    const { diagnostics, summary } = check(tree("event-example-invalid"));
    expect(places(diagnostics)).toEqual([
      "example-invalid event-schemas/examples/v1/m.room.member:1",
      "example-invalid event-schemas/examples/v1/m.room.member:6",
    ]);
    expect(diagnostics[0].message).toBe("The example lacks the required property `room_id`.");
    expect(diagnostics[1]).toMatchObject({ column: 23, pointer: "/content/membership", keyword: "enum" });
    expect(summary.errors).toBe(2);
  });

  it("3. variant examples against the variant's schema, else the base; an example without either is an error; a schema without an example a warning", () => {
    const { diagnostics, summary } = check(tree("example-schema-pairing"));
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}`)).toEqual([
      // m.room.member#m.join has no schema of its own: it is checked against m.room.member's, and passes
      // validated against the variant's own schema, which only allows "leave"
      "error example-invalid event-schemas/examples/v1/m.room.member#m.leave:6",
      "error example-without-schema event-schemas/examples/v1/m.room.topic:1",
      "warning schema-without-example event-schemas/schema/v1/m.room.name:1",
    ]);
    expect(diagnostics[0].message).toBe('`membership` must be one of leave; the example has "join".');
    expect(diagnostics[1].message).toBe("There is no event schema `m.room.topic` for this example.");
    expect(summary).toMatchObject({ errors: 2, warnings: 1 });
  });

  it("4. a schema file that is not a valid draft-04 schema", () => {
    const { diagnostics } = check(tree("schema-invalid"));
    // The example that uses the schema cannot be checked; the schema's own errors say why.
    expect(places(diagnostics)).toEqual([
      "schema-invalid event-schemas/schema/v1/m.room.name:7",
      "schema-invalid event-schemas/schema/v1/m.room.name:9",
    ]);
    expect(diagnostics[0]).toMatchObject({ column: 34, keyword: "enum", pointer: "/properties/content/properties/name/type" });
  });

  it("4. an invalid schema file used by Swagger files and event schemas is reported once, at its place", () => {
    const { diagnostics } = check(tree("shared-schema-invalid"));
    expect(places(diagnostics)).toEqual(["schema-invalid event-schemas/schema/v1/core-event-schema/event.json:6"]);
    expect(diagnostics[0].column).toBe(26);
  });

  it("4. an invalid regular expression in a schema is reported at the pattern (and the rest of the schema still applies)", () => {
    const { diagnostics } = check(tree("schema-compile"));
    expect(places(diagnostics)).toEqual(["pattern-invalid api/client-server/v1/profile.yaml:25"]);
    expect(diagnostics[0].message).toMatch(/^The pattern `\(\[` cannot be used: missing closing \]/);
  });

  it("5. CHANGELOG.rst titles: date, underline, version, order, empty newest entry", () => {
    const { diagnostics } = check(tree("changelog-invalid"));
    expect(places(diagnostics)).toEqual([
      "changelog-empty-entry CHANGELOG.rst:3",
      "changelog-date CHANGELOG.rst:3",
      "changelog-underline CHANGELOG.rst:4",
      "changelog-title CHANGELOG.rst:6",
      "changelog-order CHANGELOG.rst:11",
    ]);
  });

  it("5. a missing CHANGELOG.rst", () => {
    const root = tree();
    rmSync(join(root, "CHANGELOG.rst"));
    expect(places(check(root).diagnostics)).toEqual(["changelog-missing CHANGELOG.rst:-"]);
  });

  it("7. malformed YAML, malformed JSON and an empty file: one diagnostic each, the rest still checked", () => {
    const { diagnostics, summary } = check(tree("malformed"));
    expect(places(diagnostics)).toEqual([
      "yaml-syntax api/client-server/v1/presence.yaml:10",
      "json-syntax event-schemas/examples/v1/m.room.member:4",
      "file-empty event-schemas/examples/v1/m.room.member#m.empty:1",
    ]);
    // rooms.yaml's three examples were still validated.
    expect(summary.examples).toBeGreaterThanOrEqual(3);
  });

  it("7. $refs: missing file, missing pointer, URL, outside the root, cycle, a directory, a symbolic link out of the root", () => {
    const root = tree("bad-refs");
    const outside = mkdtempSync(join(tmpdir(), "check-outside-"));
    temps.push(outside);
    writeFileSync(join(outside, "outside.json"), '{"type": "object"}');
    symlinkSync(outside, join(root, "api/client-server/v1/escape"));
    const { diagnostics } = check(root);
    expect(places(diagnostics)).toEqual([
      "ref-cycle api/client-server/v1/definitions/cycle_b.json:4",
      "ref-missing-file api/client-server/v1/refs.yaml:13",
      "ref-missing-pointer api/client-server/v1/refs.yaml:17",
      "ref-url api/client-server/v1/refs.yaml:21",
      "ref-outside-root api/client-server/v1/refs.yaml:25",
      "not-a-file api/client-server/v1/refs.yaml:33",
      "ref-outside-root api/client-server/v1/refs.yaml:37",
    ]);
  });
});

describe("internal errors", () => {
  const broken = Object.defineProperty(() => {
    throw new Error("boom");
  }, "name", { value: "brokenCheck" });

  it("become one diagnostic without a stack trace, and the other checks still run", () => {
    const { diagnostics } = runChecks(tree("event-example-invalid"), { checks: [broken, eventExamplesCheck], cacheDir: null });
    expect(diagnostics.map((d) => d.code)).toEqual(["internal-error", "example-invalid", "example-invalid"]);
    expect(diagnostics[0].message).toContain("`brokenCheck` check stopped on an internal error: boom");
    expect(diagnostics[0].message).not.toMatch(/\bat .*:\d+/);
  });

  it("propagate with --debug", () => {
    expect(() => runChecks(tree(), { checks: [broken], debug: true, cacheDir: null })).toThrow("boom");
  });
});

describe("the caches (parsed YAML, compiled validators)", () => {
  it("give the same diagnostics as a run without them, both when filling and when reused", () => {
    const root = tree("api-example-invalid");
    const cacheDir = mkdtempSync(join(tmpdir(), "check-cache-"));
    temps.push(cacheDir);
    const fresh = runChecks(root, { cacheDir: null });
    const filling = runChecks(root, { cacheDir });
    expect(readdirSync(cacheDir).sort()).toEqual([expect.stringMatching(/^parsed-yaml-\w+\.json$/), expect.stringMatching(/^validators-\w+\.cjs$/)]);
    const reused = runChecks(root, { cacheDir });
    expect(fresh.diagnostics.length).toBe(3);
    expect(filling.diagnostics).toEqual(fresh.diagnostics);
    expect(reused.diagnostics).toEqual(fresh.diagnostics);
    expect(reused.summary).toEqual(fresh.summary);
  });

  it("notice a changed file", () => {
    const root = tree();
    const cacheDir = mkdtempSync(join(tmpdir(), "check-cache-"));
    temps.push(cacheDir);
    expect(runChecks(root, { cacheDir }).diagnostics).toEqual([]);
    const file = join(root, "api/client-server/v1/rooms.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace('"membership": "join",', '"membership": "joined",'));
    expect(places(runChecks(root, { cacheDir }).diagnostics)).toEqual(["example-invalid api/client-server/v1/rooms.yaml:33"]);
  });
});

describe("the command line", () => {
  it("exits 0 on a clean tree and ends with the summary line", async () => {
    const r = await cli("--root", tree());
    expect(r.code).toBe(0);
    const last = r.stdout.trimEnd().split("\n").pop();
    expect(last).toMatch(/^checked 8 files, 5 examples: 0 errors, 0 warnings \(\d+ ms\)$/);
  });

  it("exits 1 with located messages and a code frame when there are errors", () => {
    const r = cliProcess("--root", tree("event-example-invalid"));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("event-schemas/examples/v1/m.room.member:6:23: error `membership` must be one of");
    expect(r.stdout).toContain('> 6 |         "membership": "joined"');
    expect(r.stdout).toMatch(/checked 8 files, 5 examples: 2 errors, 0 warnings \(\d+ ms\)\n$/);
    expect(r.stderr).toBe("");
  });

  it("exits 0 when there are only warnings", async () => {
    const root = tree();
    cpSync(join(fixtures, "example-schema-pairing/event-schemas/schema"), join(root, "event-schemas/schema"), { recursive: true });
    expect((await cli("--root", root)).code).toBe(0);
  });

  it("prints JSON with --format json", async () => {
    const r = await cli("--root", tree("changelog-invalid"), "--format", "json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ files: 8, examples: 5, errors: 5, warnings: 0 });
    expect(out.diagnostics[0]).toMatchObject({ severity: "error", code: "changelog-empty-entry", file: "CHANGELOG.rst", line: 3 });
  });

  it("exits 2 on usage errors", async () => {
    expect((await cli("--format", "xml")).code).toBe(2);
    const missing = await cli("--root", join(tmpdir(), "no-such-spec-tree-here"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("does not exist");
  });
});

describe("the repository's own sources", () => {
  const present = existsSync(join(repo, "api")) && existsSync(join(repo, "event-schemas"));
  it.skipIf(!present)("check without a single diagnostic", () => {
    const result = check(repo);
    expect(places(result.diagnostics)).toEqual([]);
    expect(result.swaggerFiles).toBe(16);
    expect(result.summary.examples).toBeGreaterThanOrEqual(60);
  });
});

