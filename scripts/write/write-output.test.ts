import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listVersions, writeOutput } from "./write-output.ts";

const hooks = { versionsPage: (v: string[]) => `versions: ${v.join(",")}` };
const files = (page: string) => new Map<string, string>([["index.html", page], ["theme.css", "css"]]);
const tempOut = () => join(mkdtempSync(join(tmpdir(), "write-")), "gen");

/** Every file under a folder with its content, for comparing whole trees. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) visit(r);
      else out[r] = readFileSync(join(dir, r), "utf8");
    }
  };
  visit("");
  return out;
}

describe("writeOutput", () => {
  it("writes the version folder, latest/ and the list of versions", () => {
    const out = tempOut();
    expect(writeOutput(out, { version: "v1.0.0", files: files("one") }, hooks)).toEqual(["v1.0.0"]);
    expect(snapshot(out)).toEqual({
      "index.html": "versions: v1.0.0",
      "latest/index.html": "one",
      "latest/theme.css": "css",
      "v1.0.0/index.html": "one",
      "v1.0.0/theme.css": "css",
      "versions.js": expect.stringContaining('"name": "v1.0.0"'),
    });
  });

  it("lists unstable first, keeps latest/ on the newest release, and gives versions.js each folder's version.json", () => {
    const out = tempOut();
    const info = (name: string, release: string, date: string) => JSON.stringify({ name, release, date, rev: "abc1234", pages: ["index.html"] });
    writeOutput(out, { version: "v1.0.0", files: new Map([["index.html", "one"], ["version.json", info("v1.0.0", "v1.0.0", "2020-01-01")]]) }, hooks);
    const seen: unknown[] = [];
    const versions = writeOutput(out, { version: "unstable", files: new Map([["index.html", "next"], ["version.json", info("unstable", "v1.0.0", "2020-01-01")]]) }, {
      versionsPage: (v, infos) => {
        seen.push(infos.map((i) => [i.name, i.release, i.date]));
        return `versions: ${v.join(",")}`;
      },
    });
    expect(versions).toEqual(["unstable", "v1.0.0"]);
    expect(seen).toEqual([[["unstable", "v1.0.0", "2020-01-01"], ["v1.0.0", "v1.0.0", "2020-01-01"]]]);
    expect(readFileSync(join(out, "latest/index.html"), "utf8")).toBe("one");
    expect(listVersions(out)).toEqual(["unstable", "v1.0.0"]);
    const script = readFileSync(join(out, "versions.js"), "utf8");
    expect(JSON.parse(script.slice(script.indexOf("{"), script.lastIndexOf("}") + 1))).toMatchObject({ latest: "v1.0.0", versions: [{ name: "unstable", release: "v1.0.0" }, { name: "v1.0.0", date: "2020-01-01" }] });
  });

  it("keeps other versions, lists them newest first, and makes latest/ a copy of the newest", () => {
    const out = tempOut();
    writeOutput(out, { version: "v0.10.0", files: files("ten") }, hooks);
    expect(writeOutput(out, { version: "v0.9.0", files: files("nine") }, hooks)).toEqual(["v0.10.0", "v0.9.0"]);
    expect(readFileSync(join(out, "latest/index.html"), "utf8")).toBe("ten");
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("versions: v0.10.0,v0.9.0");
    expect(listVersions(out)).toEqual(["v0.10.0", "v0.9.0"]);
  });

  it("replaces a version folder whole: files of the previous build do not linger", () => {
    const out = tempOut();
    writeOutput(out, { version: "v1.0.0", files: new Map([["index.html", "a"], ["old.html", "x"]]) }, hooks);
    writeOutput(out, { version: "v1.0.0", files: files("b") }, hooks);
    expect(existsSync(join(out, "v1.0.0/old.html"))).toBe(false);
    expect(existsSync(join(out, "latest/old.html"))).toBe(false);
  });

  it("merges into the version folder when asked (a build of another target)", () => {
    const out = tempOut();
    writeOutput(out, { version: "v1.0.0", files: files("main") }, hooks);
    writeOutput(out, { version: "v1.0.0", files: new Map([["extra.html", "extra"]]), merge: true }, hooks);
    expect(readFileSync(join(out, "v1.0.0/index.html"), "utf8")).toBe("main");
    expect(readFileSync(join(out, "v1.0.0/extra.html"), "utf8")).toBe("extra");
  });

  it("leaves the previous output exactly as it was when a step fails before the swap, and cleans up", () => {
    const out = tempOut();
    writeOutput(out, { version: "v1.0.0", files: files("old") }, hooks);
    const before = snapshot(out);
    expect(() =>
      writeOutput(out, { version: "v1.0.0", files: files("new") }, { ...hooks, beforeSwap: () => { throw new Error("disk full"); } }),
    ).toThrow("disk full");
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("puts the old version folder back when moving the new one in fails", () => {
    const out = tempOut();
    writeOutput(out, { version: "v1.0.0", files: files("old") }, hooks);
    const before = snapshot(out);
    // The staged folder disappears after the old one has been moved aside, so the second rename fails.
    expect(() =>
      writeOutput(out, { version: "v1.0.0", files: files("new") }, {
        ...hooks,
        beforeSwap: (what) => {
          if (what !== "v1.0.0") return;
          const staging = readdirSync(out).find((n) => n.startsWith(".build-"))!;
          rmSync(join(out, staging, "v1.0.0"), { recursive: true });
        },
      }),
    ).toThrow();
    expect(snapshot(out)).toEqual(before);
  });

  it("ignores folders that are not versions with a page", () => {
    const out = tempOut();
    mkdirSync(join(out, "v2.0.0"), { recursive: true });
    mkdirSync(join(out, "notes"));
    writeFileSync(join(out, "notes/index.html"), "");
    expect(listVersions(out)).toEqual([]);
  });
});

describe("staging folders left behind", () => {
  it("are removed by the next write when the build that made them is gone, and never while it runs", () => {
    const out = tempOut();
    mkdirSync(out, { recursive: true });
    // A build killed long ago (no process has this id), and one of this very process, still running.
    const dead = join(out, ".build-999999999-dead01");
    const running = join(out, `.build-${process.pid}-live01`);
    const old = join(out, ".build-OLD123");
    for (const d of [dead, running, old]) mkdirSync(join(d, "v1.0.0"), { recursive: true });
    const hour = new Date(Date.now() - 2 * 3600_000);
    utimesSync(old, hour, hour);
    writeOutput(out, { version: "v1.0.0", files: files("one") }, hooks);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(readdirSync(out).filter((n) => n.startsWith(".build-"))).toEqual([`.build-${process.pid}-live01`]);
  });
});
