// The conventions of real trees of the Matrix specification, on a fixture in
// the layout of its later releases (fixtures/later-layout/): Swagger documents
// in several APIs without version folders, YAML event schemas without an
// extension and without `v1/`, examples that `$ref` shared fragments, `$`
// variants, `changelogs/`, drafts and supporting documents with RST problems,
// relative titles in prose, a variable as a directive's body.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBuild } from "../build/build.ts";
import { runChecks } from "../check-command/run.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { runPipeline } from "./run.ts";
import { plainStages } from "./stages.ts";

const FIXTURE = resolve(import.meta.dirname, "fixtures/later-layout");
const REPO = resolve(import.meta.dirname, "../..");
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "later-layout-"));
  temps.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}
const check = (root: string, options: { strict?: boolean } = {}) => runChecks(root, { cacheDir: null, ...options });
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.file}:${d.line}`);
const edit = (root: string, path: string, f: (s: string) => string) => writeFileSync(join(root, path), f(readFileSync(join(root, path), "utf8")));

describe("a tree in the layout of the later releases", () => {
  it("checks with no error, every example counted, the RST that is not built only warned about", () => {
    const result = check(FIXTURE);
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.summary.examples).toBe(6);
    expect(result.diagnostics.map((d) => `${d.severity} ${d.file}:${d.line}`)).toEqual([
      "warning drafts/proposal.rst:4",
      "warning drafts/proposal.rst:6",
      "warning supporting-docs/guides/2016-01-01-blog.rst:9",
    ]);
  });

  it("fails with --strict, where the warnings become errors", () => {
    const r = spawnSync(process.execPath, [join(REPO, "bin/matrix-doc.js"), "check", "--root", FIXTURE, "--strict"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("drafts/proposal.rst:4:");
    const plain = spawnSync(process.execPath, [join(REPO, "bin/matrix-doc.js"), "check", "--root", FIXTURE], { encoding: "utf8" });
    expect(plain.status).toBe(0);
  });

  it("finds event schemas and examples without a v1/ folder, YAML without an extension included", () => {
    const { sources } = check(FIXTURE);
    expect(sources!.events.schemas.map((s) => s.name)).toEqual(["m.room.member", "m.room.message", "m.room.message$m.notice", "m.room.topic"]);
    expect(sources!.events.examples.map((e) => [e.name, e.schema?.name])).toEqual([
      ["m.room.member$invite", "m.room.member"],
      ["m.room.message", "m.room.message"],
      ["m.room.message$m.notice", "m.room.message$m.notice"],
      ["m.room.topic", "m.room.topic"],
    ]);
    expect(sources!.swagger.map((s) => s.file.path)).toEqual(["api/client-server/room_state.yaml", "api/identity/lookup.yaml"]);
  });

  it("catches a broken event example at its line", () => {
    const root = copy();
    edit(root, "event-schemas/examples/m.room.topic", (s) => s.replace('"topic": "Coffee and tea"', '"topic": 42'));
    expect(errors(check(root).diagnostics)).toEqual(["example-invalid event-schemas/examples/m.room.topic:5"]);
  });

  it("resolves a $ref inside a referenced example against that file, and places a failure there", () => {
    const root = copy();
    edit(root, "event-schemas/examples/core/room_event.json", (s) => s.replace('"sender": "@alice:example.org"', '"sender": 7'));
    // Every example that reaches room_event.json fails at the line in the fragment.
    expect([...new Set(errors(check(root).diagnostics))]).toEqual(["example-invalid event-schemas/examples/core/room_event.json:4"]);
  });

  it("checks a variant example against its variant's schema when there is one, else the base schema, and counts it for the base", () => {
    const root = copy();
    edit(root, "event-schemas/examples/m.room.member$invite", (s) => s.replace('"membership": "invite"', '"membership": "knock"'));
    edit(root, "event-schemas/examples/m.room.message$m.notice", (s) => s.replace('"msgtype": "m.notice"', '"msgtype": "m.text"'));
    const result = check(root);
    expect(errors(result.diagnostics)).toEqual(["example-invalid event-schemas/examples/m.room.member$invite:6", "example-invalid event-schemas/examples/m.room.message$m.notice:5"]);
    expect(result.diagnostics.some((d) => d.code === "schema-without-example")).toBe(false);
  });

  it("reports a tree whose event schemas have no example at all, instead of passing it over", () => {
    const root = copy();
    renameSync(join(root, "event-schemas/examples"), join(root, "event-schemas/samples"));
    const result = check(root);
    expect(errors(result.diagnostics)).toEqual(["no-event-examples event-schemas/schema/m.room.member:1"]);
  });

  it("takes a `#` in a $ref as part of the file name when that file exists, and as a pointer otherwise", () => {
    const root = copy();
    writeFileSync(join(root, "event-schemas/schema/core-event-schema/content#text.yaml"), "type: object\nproperties:\n  body:\n    type: string\n");
    writeFileSync(join(root, "event-schemas/schema/core-event-schema/uses_hash.yaml"), "type: object\nallOf:\n  - $ref: 'content#text.yaml'\n  - $ref: 'event.yaml#/properties/content'\n");
    expect(errors(check(root).diagnostics)).toEqual([]);
    writeFileSync(join(root, "event-schemas/schema/core-event-schema/uses_hash.yaml"), "type: object\nallOf:\n  - $ref: 'content#nothing.yaml'\n");
    expect(errors(check(root).diagnostics)).toEqual(["ref-missing-pointer event-schemas/schema/core-event-schema/uses_hash.yaml:3"]);
  });

  it("reads every changelog of changelogs/, with r versions and an Unreleased entry, and applies the title rules to each", () => {
    const root = copy();
    edit(root, "changelogs/identity.rst", (s) => s.replace("r0.1.0\n======", "r0.1.0 (2016-02-30)\n==================="));
    expect(errors(check(root).diagnostics)).toEqual(["changelog-date changelogs/identity.rst:1"]);
  });

  it("requires an operationId on every operation, unique within its API", () => {
    const root = copy();
    edit(root, "api/client-server/room_state.yaml", (s) => s.replace("      operationId: getRoomTopic\n", ""));
    expect(errors(check(root).diagnostics)).toEqual(["operation-id-missing api/client-server/room_state.yaml:17"]);
  });

  it("reports one Swagger problem once, from the alternative the document meant: a body parameter without a name", () => {
    const root = copy();
    edit(root, "api/identity/lookup.yaml", (s) => s.replace("      parameters:\n", "      parameters:\n        - in: body\n          schema:\n            type: object\n"));
    const found = check(root).diagnostics.filter((d) => d.severity === "error");
    expect(found.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual(["swagger-schema api/identity/lookup.yaml:18"]);
    expect(found[0].message).toBe("Not valid Swagger 2.0: `parameters[0]` lacks the required property `name`.");
  });

  it("allows the raw directive only when targets.yaml says raw: true (or --allow-raw), and says how", () => {
    const root = copy();
    edit(root, "specification/apis.rst", (s) => s + "\n.. raw:: html\n\n   <hr>\n");
    const refused = errors(check(root).diagnostics);
    expect(refused).toEqual(["rst-warning specification/apis.rst:17"]);
    expect(check(root).diagnostics.find((d) => d.code === "rst-warning" && d.severity === "error")!.message).toContain("raw: true");
    expect(errors(runChecks(root, { cacheDir: null, allowRaw: true }).diagnostics)).toEqual([]);
    edit(root, "specification/targets.yaml", (s) => s + "raw: true\n");
    expect(errors(check(root).diagnostics)).toEqual([]);
  });

  it("reports the same diagnostics in check and in build", async () => {
    const root = copy();
    edit(root, "event-schemas/examples/m.room.topic", (s) => s.replace('"topic": "Coffee and tea"', '"topic": 42'));
    edit(root, "specification/events.rst", (s) => s.replace("Room events\n-----------", "Room events\n-----------\n\nA *broken emphasis.\n\n{{no_such_variable}}"));
    edit(root, "api/identity/lookup.yaml", (s) => s.replace("      operationId: lookupUser\n", ""));
    const checked = check(root).diagnostics;
    const built = await runBuild({ root, out: join(root, "gen"), stages: plainStages({ cacheDir: undefined }) });
    expect(errors(checked).length).toBe(4);
    expect(built.diagnostics).toEqual(checked);
  });

  it("resolves relative titles against the last real title: consecutive event variables are siblings", () => {
    const run = runPipeline({ root: FIXTURE, until: "rst", stages: plainStages({ cacheDir: undefined }) });
    const lines = run.templated[0].lines;
    const underlineOf = (title: string) => lines[lines.indexOf(title) + 1][0];
    expect(["m.room.topic", "m.room.member", "m.room.message"].map(underlineOf)).toEqual(["+", "+", "+"]);
    expect(underlineOf("Room events")).toBe("~");
    expect(underlineOf("A hand-written subsection")).toBe("~");
  });

  it("builds, naming variables by the one rule of their path, and reports every unknown variable at its line", async () => {
    const root = copy();
    const ok = await runBuild({ root, out: join(root, "gen"), stages: plainStages({ cacheDir: undefined }) });
    expect(errors(ok.diagnostics)).toEqual([]);
    expect(ok.version).toBe("r0.1.0");
    // No `main` target: every target is built, each into its own page.
    expect(ok.written.filter((f) => f.endsWith(".html"))).toEqual(["index.html", "apis.html"]);
    const html = readFileSync(join(root, "gen/r0.1.0/apis.html"), "utf8");
    expect(html).toContain("/_matrix/identity/api/v1/lookup");
    // changelogs/identity.rst gives identity_changelog: its newest release, inside the note that it fills
    expect(html).toContain("The first release of the identity service API.");
    edit(root, "specification/apis.rst", (s) => s.replace("{{lookup_is_http_api}}", "{{lookup_http_api}}\n\n{{another_unknown}}"));
    const failed = await runBuild({ root, out: join(root, "gen"), stages: plainStages({ cacheDir: undefined }) });
    expect(failed.ok).toBe(false);
    expect(errors(failed.diagnostics)).toEqual(["unknown-variable specification/apis.rst:15", "unknown-variable specification/apis.rst:17"]);
  });
});
