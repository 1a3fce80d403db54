// The merged API descriptions written by the build: valid Swagger 2.0 (checked
// again here with @apidevtools/swagger-parser), no `$ref` left, every path
// prefixed with its file's basePath, linked from the page; and a path described
// twice in a group is reported at its file and line.
import SwaggerParser from "@apidevtools/swagger-parser";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../build/build.ts";
import { repositoryBuild } from "../build/testing/repository-build.ts";
import { loadSources } from "../sources/index.ts";
import { apiDump } from "./index.ts";
import { remainingRefs } from "./merge-group.ts";

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, "../..");
const MINI_TREE = join(here, "../build/fixtures/mini-tree");

describe("the merged API description of the build", () => {
  let out: string;
  let result: BuildResult;
  beforeAll(async () => {
    // The repository's build the worker's tests share (they only read it).
    ({ result, out } = await repositoryBuild());
  }, 120_000);

  it("is valid Swagger 2.0 with no $ref left, one per group, linked from every page", async () => {
    expect(result.ok).toBe(true);
    const dir = join(out, result.version!, "api");
    const doc = JSON.parse(readFileSync(join(dir, "client-server.json"), "utf8"));
    expect(remainingRefs(doc)).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('"$ref"');
    await expect(SwaggerParser.validate(structuredClone(doc), { resolve: { external: false } })).resolves.toBeTruthy();
    expect(doc.basePath).toBe("/");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/_matrix/client/api/v1/createRoom", "/_matrix/client/v2_alpha/sync", "/_matrix/media/v1/upload"]));
    // An error response defined in a shared file is inlined.
    expect(doc.paths["/_matrix/client/api/v1/login"].post.responses["403"].schema.properties.errcode.type).toBe("string");
    for (const page of ["index.html", "howtos.html"]) {
      expect(readFileSync(join(out, result.version!, page), "utf8")).toContain('<a href="api/client-server.json">client-server API (JSON)</a>');
    }
    const events = JSON.parse(readFileSync(join(dir, "event-schemas.json"), "utf8"));
    expect(Object.keys(events.events)).toEqual(expect.arrayContaining(["m.room.member", "m.room.message#m.text", "m.receipt"]));
    expect(remainingRefs(events)).toEqual([]);
  });
});

describe("apiDump", () => {
  it("reports an operation described twice in a group at the second file's line, and keeps the first", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "api-dump-dup-")), "tree");
    cpSync(MINI_TREE, root, { recursive: true });
    const copy = readFileSync(join(root, "api/client-server/v1/typing.yaml"), "utf8").replace("Typing API", "Typing API again");
    writeFileSync(join(root, "api/client-server/v1/typing-again.yaml"), copy);
    const dump = await apiDump(loadSources(root), "v1.2.3");
    const codes = dump.diagnostics.map((d) => [d.code, d.file, d.line]);
    expect(codes).toContainEqual(["api-merge-duplicate", "api/client-server/v1/typing.yaml", 22]);
    const doc = JSON.parse(dump.files.get("api/client-server.json")!);
    expect(Object.keys(doc.paths)).toEqual(["/_matrix/client/api/v1/rooms/{roomId}/typing/{userId}"]);
  });
});
