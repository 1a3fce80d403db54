// A merged document checked as valid Swagger 2.0 (its JSON Schema, with the
// validator the check stage compiled, and swagger-parser's extra rules: unique
// operation ids, path parameters declared, ...) and with no `$ref` left. Nothing
// outside the document is resolved.
import { swaggerProblem } from "../check/swagger.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { remainingRefs, type MergedGroup } from "./merge-group.ts";

export function validateMerged(merged: MergedGroup): Diagnostic[] {
  const file = `api/${merged.group}.json`;
  const left = remainingRefs(merged.document);
  if (left.length) {
    return [error("api-merge-ref-left", `The merged description of ${merged.group} still holds ${left.length} $ref (first at ${left[0]}).`, { file, pointer: left[0] })];
  }
  const problem = swaggerProblem(structuredClone(merged.document) as Record<string, unknown>);
  return problem ? [error("api-merge-invalid", `The merged description of ${merged.group} is not valid Swagger 2.0: ${problem}`, { file })] : [];
}
