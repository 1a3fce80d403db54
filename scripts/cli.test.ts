// The command line as a process: --version, colours from NO_COLOR /
// FORCE_COLOR, and build --format json (on the mini tree); help for an unknown
// command through main() in this process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { suggestCommands } from "./cli.ts";
import { runCli } from "./testing/cli-in-process.ts";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(REPO, "bin/matrix-doc.js");
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...env } });

describe("matrix-doc (process)", () => {
  it("prints the toolchain's version", () => {
    const version = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;
    for (const flag of ["--version", "-V"]) {
      const r = run([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  }, 30_000);

  // In this process (the same main() the process runs), with the output captured.
  it("exits 2 on help for an unknown command, naming the close ones", async () => {
    const r = await runCli(["help", "buld"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'buld'");
    expect(r.stderr).toContain("Did you mean 'build'?");
    const nope = await runCli(["help", "nope"]);
    expect(nope.status).toBe(2);
    expect(nope.stderr).toMatch(/Commands: .*check.*build/);
    const ok = await runCli(["help", "check"]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("Usage: matrix-doc check");
  }, 30_000);

  it("colours the report when FORCE_COLOR asks for it, never with NO_COLOR, and counts in the singular", () => {
    const root = join(REPO, "scripts/check/fixtures/api-example-invalid");
    const forced = run(["check", "--root", root, "--no-cache"], { FORCE_COLOR: "1" });
    expect(forced.status).toBe(1);
    expect(forced.stdout).toContain("\x1b[");
    const plain = run(["check", "--root", root, "--no-cache"], { FORCE_COLOR: "1", NO_COLOR: "1" });
    expect(plain.stdout).not.toContain("\x1b[");
    expect(plain.stdout).toMatch(/checked \d+ files?, \d+ examples?: \d+ errors?, \d+ warnings? \(/);
    expect(plain.stdout).not.toMatch(/\b1 (errors|warnings|files|examples)\b/);
  }, 60_000);

  // On the small fixture tree: the report's shape does not depend on what is built.
  it("reports a build as JSON with --format json", () => {
    const out = mkdtempSync(join(tmpdir(), "cli-json-"));
    try {
      const r = run(["build", "--root", join(REPO, "scripts/build/fixtures/mini-tree"), "--out", out, "--format", "json"]);
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as { summary: { ok: number; errors: number }; diagnostics: unknown[]; written: string[]; version: string };
      expect(report.summary).toMatchObject({ ok: 1, errors: 0 });
      expect(Array.isArray(report.diagnostics)).toBe(true);
      expect(report.written).toContain("index.html");
      expect(report.written).toContain("index.search.js");
      expect(report.version).toMatch(/^v\d+\.\d+\.\d+$/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("suggestions", () => {
  it("names commands a typo or two away, or starting with what was typed", () => {
    const names = ["rst", "conformance", "check", "build", "serve", "bench", "vars"];
    expect(suggestCommands("buld", names)).toEqual(["build"]);
    expect(suggestCommands("chekc", names)[0]).toBe("check");
    expect(suggestCommands("conf", names)).toEqual(["conformance"]);
    expect(suggestCommands("nope", names)).toEqual([]);
  });
});
