// Issue 14, end to end on the mini tree: hostile or broken sources give a
// located error and a failed build (nothing written), never a read outside the
// tree, a hang, or an internal error.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { runChecks } from "../check-command/run.ts";
import { runBuild } from "./build.ts";
import { dereference } from "../sources/refs.ts";
import { SourceCache } from "../sources/source-cache.ts";
import { runCli } from "../testing/cli-in-process.ts";

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, "../..");
const FIXTURE = join(here, "fixtures/mini-tree");
const CLI = join(REPO, "bin/matrix-doc.js");
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** A copy of the mini tree, with a secret file beside it (outside the tree). */
function tree(): { root: string; out: string; secret: string } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "hardening-")));
  temps.push(dir);
  cpSync(FIXTURE, join(dir, "tree"), { recursive: true, verbatimSymlinks: true });
  const secret = join(dir, "secret.txt");
  writeFileSync(secret, "TOP-SECRET-CONTENT\n");
  return { root: join(dir, "tree"), out: join(dir, "out"), secret };
}

const places = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.file}:${d.line ?? "-"}`);

/** `matrix-doc` as a process, where a hang must end in a signal, or a server could start: bin/matrix-doc.js end to end. */
function cli(args: string[], timeout = 30_000) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe("1. targets.yaml names only files inside the tree", () => {
  it("a `../` path under a target's files is an error at its line; the build writes nothing", async () => {
    const t = tree();
    const targets = join(t.root, "specification/targets.yaml");
    writeFileSync(targets, readFileSync(targets, "utf8").replace("      - intro.rst\n", "      - intro.rst\n      - ../../secret.txt\n"));
    const result = await runBuild({ root: t.root, out: t.out });
    expect(result.ok).toBe(false);
    expect(places(result.diagnostics)).toEqual(["path-outside-root specification/targets.yaml:5"]);
    expect(existsSync(t.out)).toBe(false);
  });

  it("a symbolic link in specification/ that leads outside is an error at the line that lists it", async () => {
    const t = tree();
    symlinkSync(t.secret, join(t.root, "specification/leak.rst"));
    const targets = join(t.root, "specification/targets.yaml");
    writeFileSync(targets, readFileSync(targets, "utf8").replace("      - { 1: typing.rst }\n", "      - { 1: typing.rst }\n      - { 1: leak.rst }\n"));
    const result = await runBuild({ root: t.root, out: t.out });
    expect(places(result.diagnostics)).toEqual(["path-outside-root specification/targets.yaml:6"]);
    expect(existsSync(t.out)).toBe(false);
  });

  it("an absolute path is refused too, and a missing file is an error at its line", async () => {
    const t = tree();
    const targets = join(t.root, "specification/targets.yaml");
    const original = readFileSync(targets, "utf8");
    writeFileSync(targets, original.replace("      - intro.rst\n", `      - intro.rst\n      - ${t.secret}\n`));
    const absolute = await runBuild({ root: t.root, out: t.out });
    expect(places(absolute.diagnostics)).toEqual(["path-outside-root specification/targets.yaml:5"]);
    writeFileSync(targets, original.replace("      - intro.rst\n", `      - intro.rst\n      - nowhere.rst\n`));
    const missing = await runBuild({ root: t.root, out: t.out });
    expect(places(missing.diagnostics)).toEqual(["file-missing specification/targets.yaml:5"]);
    expect(missing.diagnostics[0].message).toBe("specification/nowhere.rst is listed in specification/targets.yaml but does not exist.");
  });

  it("targets.yaml itself may not be a link out of the tree", async () => {
    const t = tree();
    const targets = join(t.root, "specification/targets.yaml");
    const outside = join(dirname(t.root), "targets.yaml");
    cpSync(targets, outside);
    rmSync(targets);
    symlinkSync(outside, targets);
    const result = await runBuild({ root: t.root, out: t.out });
    expect(places(result.diagnostics)).toEqual(["path-outside-root specification/targets.yaml:-"]);
  });
});

describe("4. only regular files are read", () => {
  it("a FIFO named like a Swagger file is an error naming it, and check and build end", () => {
    const t = tree();
    execFileSync("mkfifo", [join(t.root, "api/client-server/v1/x.yaml")]);
    const check = cli(["check", "--root", t.root, "--no-cache", "--format", "json"]);
    expect(check.signal).toBe(null);
    expect(check.status).toBe(1);
    const report = JSON.parse(check.stdout) as { diagnostics: Diagnostic[] };
    expect(places(report.diagnostics)).toEqual(["not-a-file api/client-server/v1/x.yaml:-"]);
    const build = cli(["build", "--root", t.root, "--out", t.out]);
    expect(build.signal).toBe(null);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain("api/client-server/v1/x.yaml");
    expect(existsSync(t.out)).toBe(false);
  });

  it("a folder named like a Swagger file or an RST file is an error naming it", () => {
    const t = tree();
    execFileSync("mkdir", [join(t.root, "api/client-server/v1/dir.yaml"), join(t.root, "specification/dir.rst")]);
    const result = runChecks(t.root, { cacheDir: null });
    expect(places(result.diagnostics)).toEqual(["not-a-file api/client-server/v1/dir.yaml:-", "not-a-file specification/dir.rst:-"]);
  });
});

describe("7. sizes a spec never needs", () => {
  it("a Swagger file over the size limit is an error at the file, quickly", () => {
    const t = tree();
    const file = join(t.root, "api/client-server/v1/typing.yaml");
    appendFileSync(file, `# ${"x".repeat(5 * 1024 * 1024)}\n`);
    const started = performance.now();
    const result = runChecks(t.root, { cacheDir: null });
    expect(places(result.diagnostics)).toEqual(["file-too-large api/client-server/v1/typing.yaml:-"]);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe("11. invalid UTF-8", () => {
  it("is an error at its line in a YAML file, an RST file and CHANGELOG.rst", async () => {
    const t = tree();
    const bad = (rel: string, line: number) => {
      const path = join(t.root, rel);
      const lines = readFileSync(path, "utf8").split("\n");
      lines[line - 1] = lines[line - 1] + "\udc80";
      writeFileSync(path, Buffer.concat(lines.map((l, i) => Buffer.concat([l.endsWith("\udc80") ? Buffer.concat([Buffer.from(l.slice(0, -1)), Buffer.from([0xfe])]) : Buffer.from(l), Buffer.from(i < lines.length - 1 ? "\n" : "")]))));
    };
    bad("api/client-server/v1/typing.yaml", 4);
    bad("specification/intro.rst", 2);
    bad("CHANGELOG.rst", 1);
    const check = runChecks(t.root, { cacheDir: null });
    expect(places(check.diagnostics)).toEqual([
      "invalid-utf8 api/client-server/v1/typing.yaml:4",
      "invalid-utf8 CHANGELOG.rst:1",
      "invalid-utf8 specification/intro.rst:2",
    ].sort((a, b) => a.split(" ")[1].localeCompare(b.split(" ")[1])));
    const build = await runBuild({ root: t.root, out: t.out });
    expect(build.ok).toBe(false);
    expect(places(build.diagnostics)).toContain("invalid-utf8 api/client-server/v1/typing.yaml:4");
  });
});

describe("6. deep nesting is a located error, and --format json always prints JSON", () => {
  const deepJson = (n: number) => `{"content": ${"[".repeat(n)}1${"]".repeat(n)}}\n`;

  it("an event example nested 10,000 deep", async () => {
    const t = tree();
    const example = join(t.root, "event-schemas/examples/v1/m.room.topic");
    writeFileSync(example, deepJson(10_000));
    // In this process (main() with the output captured): the JSON report is the whole of standard output.
    const check = await runCli(["check", "--root", t.root, "--no-cache", "--format", "json"]);
    expect(check.status).toBe(1);
    const report = JSON.parse(check.stdout) as { diagnostics: Diagnostic[] };
    expect(places(report.diagnostics)).toEqual(["nesting-too-deep event-schemas/examples/v1/m.room.topic:1"]);
    expect(report.diagnostics[0].column).toBe(12 + 128);
  });

  it("a JSON example inside a YAML string nested 10,000 deep", () => {
    const t = tree();
    const file = join(t.root, "api/client-server/v1/typing.yaml");
    const text = readFileSync(file, "utf8");
    const m = /( +)example: \|-\n( +)\{/.exec(text);
    expect(m).not.toBe(null);
    const line = text.slice(0, m!.index).split("\n").length + 1;
    writeFileSync(file, text.replace(/( +)example: \|-\n( +)\{/, (_w, a: string, b: string) => `${a}example: |-\n${b}{"deep": ${"[".repeat(10_000)}${"]".repeat(10_000)},`));
    const result = runChecks(t.root, { cacheDir: null });
    // (The 20,000-character line also goes past the RST engine's line-length limit when
    // the page is built; that message is the RST stage's, and not asserted here.)
    expect(places(result.diagnostics).filter((p) => !p.startsWith("rst-"))).toEqual([`nesting-too-deep api/client-server/v1/typing.yaml:${line}`]);
  });

  it("YAML nested 10,000 deep: in block style it is over the size limit; in flow style, and 1,000 deep in block style, too deep", () => {
    const cases: [string, string, string][] = [];
    let block = "";
    for (let i = 0; i < 10_000; i++) block += `${" ".repeat(i)}a:\n`;
    cases.push(["file-too-large", block, "-"]);
    let shallower = "";
    for (let i = 0; i < 1000; i++) shallower += `${" ".repeat(i)}a:\n`;
    // The YAML parser itself gives up at some depth between the limit and 1,000: the error is where it did.
    cases.push(["nesting-too-deep", shallower + `${" ".repeat(1000)}1\n`, "deeper than 128"]);
    cases.push(["nesting-too-deep", `a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`, "1"]);
    for (const [code, yaml, line] of cases) {
      const t = tree();
      writeFileSync(join(t.root, "api/client-server/v1/deep.yaml"), yaml);
      const result = runChecks(t.root, { cacheDir: null });
      const shown = places(result.diagnostics).map((p) => (line === "deeper than 128" && Number(p.split(":")[1]) > 128 ? `${p.split(":")[0]}:${line}` : p));
      expect(shown).toEqual([`${code} api/client-server/v1/deep.yaml:${line}`]);
    }
  });

  it("a schema nested 3,000 deep", async () => {
    const t = tree();
    let schema = '{"type": "string"}';
    for (let i = 0; i < 3000; i++) schema = `{"type": "object", "properties": {"a": ${schema}}}`;
    writeFileSync(join(t.root, "event-schemas/schema/v1/core-event-schema/deep.json"), schema);
    const check = await runCli(["check", "--root", t.root, "--no-cache", "--format", "json"]);
    const report = JSON.parse(check.stdout) as { diagnostics: Diagnostic[] };
    expect(places(report.diagnostics)).toEqual(["nesting-too-deep event-schemas/schema/v1/core-event-schema/deep.json:1"]);
    expect(check.status).toBe(1);
  });

  it("schemas within the limit that reference each other deeper than the inlined limit", () => {
    const t = tree();
    const dir = join(t.root, "event-schemas/schema/v1/core-event-schema");
    const nest = (inner: string) => {
      let s = inner;
      for (let i = 0; i < 60; i++) s = `{"type": "object", "properties": {"a": ${s}}}`;
      return s;
    };
    for (let k = 0; k < 8; k++) writeFileSync(join(dir, `chain${k}.json`), nest(k === 7 ? '{"type": "string"}' : `{"$ref": "chain${k + 1}.json"}`));
    const result = runChecks(t.root, { cacheDir: null });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((d) => d.code === "nesting-too-deep" && d.file?.startsWith("event-schemas/schema/v1/core-event-schema/chain") && d.line === 1)).toBe(true);
  });
});

describe("8. a `__proto__` key is a key like any other", () => {
  it("in a JSON example: it does not lend the example inherited properties", () => {
    const t = tree();
    const example = join(t.root, "event-schemas/examples/v1/m.room.topic");
    writeFileSync(example, readFileSync(example, "utf8").replace('"topic": "A room topic"', '"__proto__": {"topic": "inherited"}'));
    const result = runChecks(t.root, { cacheDir: null });
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual(["example-invalid event-schemas/examples/v1/m.room.topic:3"]);
    expect(result.diagnostics[0].message).toContain("topic");
  });

  it("in YAML, through a `$ref`: the dereferenced value keeps it as its own property", () => {
    const t = tree();
    const dir = join(t.root, "api/client-server/v1/definitions");
    writeFileSync(join(dir, "proto.yaml"), 'type: object\nproperties:\n  __proto__:\n    type: string\n  other:\n    $ref: "error.yaml"\n');
    const cache = new SourceCache(t.root);
    const file = cache.load("api/client-server/v1/definitions/proto.yaml")!;
    const value = dereference(cache, file) as { properties: Record<string, unknown> };
    expect(Object.getPrototypeOf(value.properties)).toBe(Object.prototype);
    expect(Object.keys(value.properties)).toEqual(["__proto__", "other"]);
    expect(Object.getOwnPropertyDescriptor(value.properties, "__proto__")?.value).toEqual({ type: "string" });
  });
});

describe("7. schema patterns run in linear time (RE2)", () => {
  it("`^(a+)+$` against 40 `a`s and a `b` is checked at once, and fails as it should", () => {
    const t = tree();
    const schema = join(t.root, "event-schemas/schema/v1/m.room.topic");
    writeFileSync(schema, readFileSync(schema, "utf8").replace('"description": "The topic text."', '"description": "The topic text.", "pattern": "^(a+)+$"'));
    const example = join(t.root, "event-schemas/examples/v1/m.room.topic");
    writeFileSync(example, readFileSync(example, "utf8").replace('"A room topic"', `"${"a".repeat(40)}b"`));
    const started = performance.now();
    const result = runChecks(t.root, { cacheDir: null });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(places(result.diagnostics)).toEqual(["example-invalid event-schemas/examples/v1/m.room.topic:4"]);
    // The validators written to the cache folder and loaded back use RE2 too.
    const cacheDir = join(dirname(t.root), "cache");
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      const cached = runChecks(t.root, { cacheDir });
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(places(cached.diagnostics)).toEqual(["example-invalid event-schemas/examples/v1/m.room.topic:4"]);
    }
  });
});

describe("8. a pattern RE2 cannot take is an error at the pattern", () => {
  it("a syntax error, and a lookahead (which RE2 does not have); the examples are still checked", () => {
    const t = tree();
    const schema = join(t.root, "event-schemas/schema/v1/m.room.topic");
    writeFileSync(schema, readFileSync(schema, "utf8").replace('"description": "The topic text."', '"description": "The topic text.",\n                    "pattern": "(?=a)b"'));
    const typing = join(t.root, "api/client-server/v1/typing.yaml");
    const text = readFileSync(typing, "utf8");
    const line = text.split("\n").findIndex((l) => l.includes("typing:")) + 2;
    writeFileSync(typing, text.replace(/( +)typing:\n/, (_w, indent: string) => `${indent}typing:\n${indent}  pattern: "(["\n`));
    const example = join(t.root, "event-schemas/examples/v1/m.room.topic");
    writeFileSync(example, readFileSync(example, "utf8").replace('"A room topic"', "5"));
    const result = runChecks(t.root, { cacheDir: null });
    expect(places(result.diagnostics)).toEqual([
      `pattern-invalid api/client-server/v1/typing.yaml:${line}`,
      "example-invalid event-schemas/examples/v1/m.room.topic:4",
      "pattern-invalid event-schemas/schema/v1/m.room.topic:13",
    ]);
    expect(result.diagnostics[2].message).toContain("(?=");
  });
});

describe("8. a huge event example is reported at the example", () => {
  it("in check and in build", async () => {
    const t = tree();
    const example = join(t.root, "event-schemas/examples/v1/m.room.topic");
    writeFileSync(example, readFileSync(example, "utf8").replace('"A room topic"', `"${"x".repeat(5 * 1024 * 1024)}"`));
    expect(places(runChecks(t.root, { cacheDir: null }).diagnostics)).toEqual(["file-too-large event-schemas/examples/v1/m.room.topic:-"]);
    const build = await runBuild({ root: t.root, out: t.out });
    expect(places(build.diagnostics)).toEqual(["file-too-large event-schemas/examples/v1/m.room.topic:-"]);
    expect(existsSync(t.out)).toBe(false);
  });
});

describe("11. command-line use", () => {
  it("`--out` naming a file is a usage error (exit 2) for build and serve, and the file is untouched", async () => {
    const t = tree();
    const file = join(dirname(t.root), "a-file");
    writeFileSync(file, "keep me\n");
    for (const [command, out] of [["build", file], ["build", join(file, "sub")], ["serve", file]] as const) {
      // build in this process; serve as a process (were the check to fail, a server would start).
      const r = command === "serve" ? cli([command, "--root", t.root, "--out", out, "--port", "0"], 20_000) : await runCli([command, "--root", t.root, "--out", out]);
      expect(r.status, `${command} ${out}`).toBe(2);
      expect(r.stderr).toContain("is not a folder");
      expect(r.stderr).not.toContain("internal error");
    }
    expect(readFileSync(file, "utf8")).toBe("keep me\n");
  });
});
