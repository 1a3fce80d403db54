import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runBuild } from "../build/build.ts";
import { repositoryBuild } from "../build/testing/repository-build.ts";
import { copyRst, copySwagger, generateSyntheticTree } from "./synthetic-tree.ts";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("the synthetic tree", () => {
  it("makes titles, targets and references of a copy unique, and leaves literals alone", () => {
    const text = ["Rooms", "=====", "", ".. _room-ids:", "", "See `Rooms`_, `ids <room-ids_>`__ and Rooms_, not ``Rooms_``.", "", "{{ rooms_http_api }}", "{{ v2_sync_http_api }}", "{{ room_events }}", "v{{spec_version}}"].join("\n");
    expect(copyRst(text, "c2").split("\n")).toEqual([
      "Rooms c2",
      "========",
      "",
      ".. _room-ids c2:",
      "",
      "See `Rooms c2`_, `ids <room-ids c2_>`__ and `Rooms c2`_, not ``Rooms_``.",
      "",
      "{{ rooms_c2_http_api }}",
      "{{ v2_sync_c2_http_api }}",
      "",
      "v{{spec_version}}",
      "",
    ]);
  });

  it("moves the paths of a Swagger copy and its alias links", () => {
    const yaml = 'basePath: /_matrix/client/api/v1\npaths:\n  "/rooms/{roomId}/join":\n    post:\n      x-alias:\n        canonical-link: "post-matrix-client-api-v1-rooms-roomid-join"\n';
    const copy = copySwagger(yaml, "c3");
    expect(copy).toContain('"/c3/rooms/{roomId}/join":');
    expect(copy).toContain('"post-matrix-client-api-v1-c3-rooms-roomid-join"');
  });

  it("builds without errors and documents every endpoint once per copy", async () => {
    const dir = mkdtempSync(join(tmpdir(), "synthetic-"));
    const tree = generateSyntheticTree(REPO, join(dir, "tree"), 2);
    // The repository's build the worker's tests share (only read here).
    const { result: original, out: originalOut } = await repositoryBuild();
    const result = await runBuild({ root: tree.root, out: join(dir, "gen") });
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
    const count = (out: string, version: string) => (readFileSync(join(out, version, "index.html"), "utf8").match(/<h[1-6]><span class="section-number">[\d.]+<\/span> <span class="http-method/g) ?? []).length;
    expect(count(join(dir, "gen"), result.version!)).toBe(2 * count(originalOut, original.version!));
  }, 180_000);
});
