// The build command end to end, on a small fixture tree copied to a temporary
// folder (`--root DIR --out OUT`), and on the repository's own sources.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { listFiles } from "../spec-layout.ts";
import { internalLinks } from "../page/link-check.ts";
import { runCli } from "../testing/cli-in-process.ts";
import { repositoryBuild } from "./testing/repository-build.ts";

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, "../..");
const FIXTURE = join(here, "fixtures/mini-tree");
const CLI = join(REPO, "bin/matrix-doc.js");

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "build-test-"));
  cpSync(FIXTURE, join(dir, "tree"), { recursive: true, verbatimSymlinks: true });
  return join(dir, "tree");
}

/** `matrix-doc` as a process: the first test, end to end through bin/matrix-doc.js. */
function cliProcess(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `matrix-doc` in this process (scripts/testing/cli-in-process.ts): the same exit code and output, without starting Node. */
const cli = runCli;

/** Every file under a folder with its size and modification time, to see that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const visit = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) visit(r);
      else {
        const s = statSync(join(dir, r));
        out[r] = `${s.size}:${s.mtimeMs}:${readFileSync(join(dir, r), "utf8").length}`;
      }
    }
  };
  visit("");
  return out;
}

/** Heading texts of a page, without their numbers and anchors. */
function headings(html: string): string[] {
  // An operation's heading starts with its summary, before the method and path: left out here.
  return [...html.matchAll(/<h[1-6]><span class="section-number">[\d.]+<\/span> (.*?)<a class="self-link"/g)].map((m) =>
    m[1].replace(/<span class="operation-summary">.*?<\/span>(?=<span class="operation-route">)/, "").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&#64;/g, "@").trim(),
  );
}

describe("matrix-doc build on another tree (--root DIR --out OUT)", () => {
  it("writes <version>/index.html, howtos.html, latest/ and the list of versions", async () => {
    const root = copyFixture();
    const out = join(root, "..", "out");
    const r = cliProcess(["build", "--root", root, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("built v1.2.3");
    expect(readdirSync(out).sort()).toEqual(["index.html", "latest", "v1.2.3", "versions.js"]);
    const assets = ["copy.js", "favicon.svg", "minisearch.js", "search.js", "theme.css", "theme.js", "types.js", "version-switcher.css", "version-switcher.js"];
    expect(readdirSync(join(out, "v1.2.3")).sort()).toEqual([...assets, "api", "howtos.html", "howtos.search.js", "index.html", "index.search.js", "version.json"].sort());
    expect(readdirSync(join(out, "v1.2.3/api")).sort()).toEqual(["client-server.json", "event-schemas.json"]);
    const page = readFileSync(join(out, "v1.2.3/index.html"), "utf8");
    expect(readFileSync(join(out, "latest/index.html"), "utf8")).toBe(page);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain('href="v1.2.3/index.html"');
    expect(page).toContain("This is version v1.2.3 of a small specification");
    // Examples are highlighted by highlight.js at build time, their text escaped.
    expect(page).toContain('<pre class="code json literal-block"><code class="hljs language-json"><span class="hljs-punctuation">{</span><span class="hljs-attr">&quot;typing&quot;</span>');
    expect(page).toContain("&quot;&lt;b&gt;not markup&lt;/b&gt;&quot;");
    expect(headings(page)).toEqual(["Examples", "Typing", "PUT /_matrix/client/api/v1/rooms/{roomId}/typing/{userId}", "Topic event", "m.room.topic"]);
    const howto = readFileSync(join(out, "v1.2.3/howtos.html"), "utf8");
    expect(howto).toContain("This walk-through follows version v1.2.3.");
    expect(howto).toContain('<pre class="code http literal-block"><code class="hljs language-http"><span class="hljs-keyword">PUT</span>');
    expect(existsSync(join(root, "gen"))).toBe(false);
  });

  it("builds a tree without the how-to into a single page", async () => {
    const root = copyFixture();
    rmSync(join(root, "supporting-docs"), { recursive: true });
    const out = join(root, "..", "out");
    expect((await cli(["build", "--root", root, "--out", out])).status).toBe(0);
    expect(readdirSync(join(out, "v1.2.3")).sort()).toEqual(["api", "copy.js", "favicon.svg", "index.html", "index.search.js", "minisearch.js", "search.js", "theme.css", "theme.js", "types.js", "version-switcher.css", "version-switcher.js", "version.json"]);
    expect(readFileSync(join(out, "v1.2.3/index.html"), "utf8")).not.toContain("howtos.html");
  });

  it("keeps the assembled and the templated RST with --keep-intermediates", async () => {
    const root = copyFixture();
    const out = join(root, "..", "out");
    expect((await cli(["build", "--root", root, "--out", out, "--keep-intermediates"])).status).toBe(0);
    const assembled = readFileSync(join(out, "v1.2.3/index.assembled.rst"), "utf8");
    const templated = readFileSync(join(out, "v1.2.3/index.templated.rst"), "utf8");
    expect(assembled).toContain("{{typing_http_api}}");
    expect(templated).not.toContain("{{");
    expect(templated).toContain("/_matrix/client/api/v1/rooms/{roomId}/typing/{userId}");
    expect(existsSync(join(out, "v1.2.3/howtos.templated.rst"))).toBe(true);
  });

  it("fails at CHANGELOG.rst:line on a malformed title, and leaves gen/ as it was", async () => {
    const root = copyFixture();
    expect((await cli(["build", "--root", root])).status).toBe(0);
    const before = snapshot(join(root, "gen"));
    const changelog = join(root, "CHANGELOG.rst");
    writeFileSync(changelog, readFileSync(changelog, "utf8").replace("v1.2.3 (2020-01-02)", "v1.2.x (2020-01-02)"));
    const r = await cli(["build", "--root", root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/CHANGELOG\.rst:1:\d+: error .*\[changelog-title\]/);
    expect(r.stderr).toContain("nothing was written");
    expect(snapshot(join(root, "gen"))).toEqual(before);
    expect(readdirSync(join(root, "gen")).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("writes nothing at all when the first build fails", async () => {
    const root = copyFixture();
    writeFileSync(join(root, "CHANGELOG.rst"), "Specification changes in v1.2 (2020-01-02)\n==========================================\n\n- x\n");
    expect((await cli(["build", "--root", root])).status).toBe(1);
    expect(existsSync(join(root, "gen"))).toBe(false);
  });

  it("fails on an RST warning, reported at the RST file's line", async () => {
    const root = copyFixture();
    const intro = join(root, "specification/intro.rst");
    const lines = readFileSync(intro, "utf8").split("\n");
    lines.splice(10, 0, "This *emphasis never ends.", "");
    writeFileSync(intro, lines.join("\n"));
    const r = await cli(["build", "--root", root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/specification\/intro\.rst:11: error Inline emphasis start-string without end-string\. \[rst-warning\]/);
    expect(existsSync(join(root, "gen"))).toBe(false);
  });

  it("reports an RST problem in a generated section at the YAML line that produced it", async () => {
    const root = copyFixture();
    const yamlPath = join(root, "api/client-server/v1/typing.yaml");
    const text = readFileSync(yamlPath, "utf8");
    writeFileSync(yamlPath, text.replace("description: The user who is typing.", "description: The user who is `typing."));
    const line = text.split("\n").findIndex((l) => l.includes("description: The user who is typing.")) + 1;
    const r = await cli(["build", "--root", root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`api/client-server/v1/typing.yaml:${line}: error Inline interpreted text or phrase reference start-string without end-string.`);
  });

  it("fails on an internal link that names no section", async () => {
    const root = copyFixture();
    const intro = join(root, "specification/intro.rst");
    writeFileSync(intro, readFileSync(intro, "utf8") + "\nSee `nowhere`_.\n\n.. _nowhere: #no-such-section\n");
    const r = await cli(["build", "--root", root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/specification\/intro\.rst:\d+: error The link to "#no-such-section" in index\.html names no section/);
  });

  it("exits 2 for an unknown target and 1 for an unknown group", async () => {
    const root = copyFixture();
    const unknownTarget = await cli(["build", "--root", root, "--target", "nope"]);
    expect(unknownTarget.status).toBe(2);
    expect(unknownTarget.stderr).toContain('There is no target "nope"');
    const targets = join(root, "specification/targets.yaml");
    writeFileSync(targets, readFileSync(targets, "utf8").replace("- { 1: typing.rst }", "- group:missing"));
    const unknownGroup = await cli(["build", "--root", root]);
    expect(unknownGroup.status).toBe(1);
    expect(unknownGroup.stderr).toMatch(/specification\/targets\.yaml:\d+:\d+: error There is no group "missing"/);
  });

  it("exits 2 when the root is not a folder", async () => {
    expect((await cli(["build", "--root", join(tmpdir(), "no-such-root-here")])).status).toBe(2);
  });

  it("prints the time of each stage with --verbose", async () => {
    const root = copyFixture();
    const r = await cli(["build", "--root", root, "--out", join(root, "..", "out"), "--verbose"]);
    for (const stage of ["load", "check", "assemble", "variables", "substitute", "rst\\+page", "write"]) expect(r.stdout).toMatch(new RegExp(`^\\s+${stage}\\s+\\d+ ms$`, "m"));
  });
});

describe("the repository's own build", () => {
  it("builds without any diagnostic, with a section for every operation and every event, and every internal link resolving", async () => {
    // The build every reading test shares (one per worker).
    const { result, out } = await repositoryBuild();
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.version).toMatch(/^v\d+\.\d+\.\d+$/);
    const html = readFileSync(join(out, result.version!, "index.html"), "utf8");
    // Two operations may share a method and path (told apart in the source by a
    // trailing space); their titles are then numbered "(2)", "(3)" ...
    const titleCounts = new Map<string, number>();
    for (const t of headings(html)) {
      const key = t.replace(/ \(\d+\)$/, "");
      titleCounts.set(key, (titleCounts.get(key) ?? 0) + 1);
    }
    const titles = new Set(titleCounts.keys());

    const operations: string[] = [];
    for (const dir of ["api/client-server/v1", "api/client-server/v2_alpha"]) {
      for (const file of listFiles(REPO, dir).filter((f) => f.endsWith(".yaml"))) {
        const doc = YAML.parse(readFileSync(join(REPO, file), "utf8"));
        for (const [path, item] of Object.entries(doc.paths ?? {})) {
          for (const method of Object.keys(item as object).filter((m) => /^(get|put|post|delete|patch|head|options)$/.test(m))) {
            operations.push(`${method.toUpperCase()} ${doc.basePath ?? ""}${path.trim()}`);
          }
        }
      }
    }
    expect(operations.length).toBeGreaterThan(40);
    const wanted = new Map<string, number>();
    for (const o of operations) wanted.set(o, (wanted.get(o) ?? 0) + 1);
    expect([...wanted].filter(([o, n]) => (titleCounts.get(o) ?? 0) < n)).toEqual([]);

    const events = readdirSync(join(REPO, "event-schemas/schema/v1")).filter((n) => n.startsWith("m."));
    expect(events.length).toBeGreaterThan(20);
    expect(events.map((n) => (n.includes("#") ? n.split("#")[1] : n)).filter((t) => !titles.has(t))).toEqual([]);

    for (const page of ["index.html", "howtos.html"]) {
      const { ids, fragments } = internalLinks(readFileSync(join(out, result.version!, page), "utf8"));
      expect([...fragments.keys()].filter((f) => f && !ids.has(f))).toEqual([]);
    }
  }, 120_000);
});
