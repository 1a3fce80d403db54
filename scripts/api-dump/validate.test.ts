import { describe, expect, it } from "vitest";
import { validateMerged } from "./validate.ts";
import type { MergedGroup } from "./merge-group.ts";

const doc = (extra: Record<string, unknown> = {}) => ({
  swagger: "2.0",
  info: { title: "T", version: "1" },
  paths: { "/a/{id}": { get: { operationId: "getA", parameters: [{ in: "path", name: "id", type: "string", required: true }], responses: { 200: { description: "ok" } } } } },
  ...extra,
});
const group = (document: Record<string, unknown>) => ({ group: "client-server", document }) as unknown as MergedGroup;

describe("a merged API description", () => {
  it("passes when it is valid Swagger 2.0 with no $ref left", async () => {
    expect(await validateMerged(group(doc()))).toEqual([]);
  });

  it("fails on the schema, on swagger-parser's rules beyond it, and on a $ref left", async () => {
    const noInfo = doc();
    delete (noInfo as Record<string, unknown>).info;
    const [schema] = await validateMerged(group(noInfo));
    expect(schema).toMatchObject({ code: "api-merge-invalid", file: "api/client-server.json" });
    expect(schema.message).toContain("info");
    const undeclared = doc({ paths: { "/a/{id}": { get: { operationId: "getA", responses: { 200: { description: "ok" } } } } } });
    const [rule] = await validateMerged(group(undeclared));
    expect(rule.message).toContain("id");
    const [ref] = await validateMerged(group(doc({ definitions: { X: { $ref: "#/definitions/Y" } } })));
    expect(ref.code).toBe("api-merge-ref-left");
  });
});
