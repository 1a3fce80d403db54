// Releases found from git alone: the changelog's history, tags taking
// precedence, a configurable tag pattern, and a changelog that goes back to an
// older version and returns.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findReleases, releasesFromChangelog } from "./releases.ts";
import { makeFixtureRepo } from "./testing/fixture-repo.ts";

describe("findReleases", () => {
  it("finds each version at the first commit where it became the newest changelog entry, without tags", () => {
    const repo = makeFixtureRepo();
    expect(repo.git("tag")).toBe("");
    const releases = findReleases(repo.dir);
    expect(releases.map((r) => [r.version, r.date, r.commit])).toEqual([
      ["v0.0.9", "2019-12-01", repo.commits.c0],
      ["v0.1.0", "2020-01-01", repo.commits.c1],
      ["v0.2.0", "2020-02-01", repo.commits.c3],
    ]);
    expect(releases.every((r) => "changelog" in r.source)).toBe(true);
  });

  it("lets a tag matching the pattern name the release instead", () => {
    const repo = makeFixtureRepo({ tags: true });
    const releases = findReleases(repo.dir);
    const v010 = releases.find((r) => r.version === "v0.1.0")!;
    expect(v010.commit).toBe(repo.commits.c2);
    expect(v010.source).toEqual({ tag: "v0.1.0" });
    expect(v010.date).toBe("2020-01-01");
    // A pattern the tags do not match leaves the changelog's answer.
    expect(findReleases(repo.dir, { tagPattern: "release-*" }).find((r) => r.version === "v0.1.0")!.commit).toBe(repo.commits.c1);
    repo.git("tag", "release-one", repo.commits.c1);
    repo.git("tag", "-d", "v0.1.0");
    repo.git("tag", "release-late", repo.commits.c4);
    const custom = findReleases(repo.dir, { tagPattern: "release-*" });
    expect(custom.find((r) => r.version === "v0.1.0")!.source).toEqual({ tag: "release-one" });
    // The tag at c4 names the newest version of its changelog, v0.2.0.
    expect(custom.find((r) => r.version === "v0.2.0")!.commit).toBe(repo.commits.c4);
  });

  it("counts the return of a version, not an entry that was later taken out", () => {
    const repo = makeFixtureRepo();
    const path = join(repo.dir, "CHANGELOG.rst");
    const text = repo.git("show", `${repo.commits.c3}:CHANGELOG.rst`);
    const v010Only = repo.git("show", `${repo.commits.c1}:CHANGELOG.rst`);
    writeFileSync(path, v010Only + "\n");
    repo.git("commit", "-qam", "take the 0.2.0 entry out again");
    writeFileSync(path, text + "\n");
    repo.git("commit", "-qam", "put it back");
    const back = repo.git("rev-parse", "HEAD");
    const releases = releasesFromChangelog(repo.dir);
    expect(releases.map((r) => [r.version, r.commit])).toEqual([
      ["v0.0.9", repo.commits.c0],
      ["v0.1.0", repo.git("rev-parse", "HEAD~1")],
      ["v0.2.0", back],
    ]);
  });
});
