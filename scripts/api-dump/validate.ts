// A merged document checked with @apidevtools/swagger-parser: valid Swagger 2.0
// (its JSON Schema and its extra rules: unique operation ids, path parameters
// declared, ...) and no `$ref` left. It works on a copy, and never resolves
// anything outside the document.
import SwaggerParser from "@apidevtools/swagger-parser";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { remainingRefs, type MergedGroup } from "./merge-group.ts";

export async function validateMerged(merged: MergedGroup): Promise<Diagnostic[]> {
  const file = `api/${merged.group}.json`;
  const left = remainingRefs(merged.document);
  if (left.length) {
    return [error("api-merge-ref-left", `The merged description of ${merged.group} still holds ${left.length} $ref (first at ${left[0]}).`, { file, pointer: left[0] })];
  }
  try {
    await SwaggerParser.validate(structuredClone(merged.document) as never, { resolve: { external: false } });
    return [];
  } catch (e) {
    const message = String((e as Error).message ?? e).replace(/^\S*Validation failed\.\s*/, "").split("\n")[0];
    return [error("api-merge-invalid", `The merged description of ${merged.group} is not valid Swagger 2.0: ${message}`, { file })];
  }
}
