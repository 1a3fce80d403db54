// Every check of the check stage, in order. A check is a function
// `(ctx) => Diagnostic[]` over the loaded spec tree (./context.ts). The RST
// that is built is checked after this stage, by the pipeline's rst stage
// (../pipeline/), as the build sees it.
import { apiExamples } from "./api-examples.ts";
import type { Check } from "./check.ts";
import { eventCoverage, eventExamples } from "./event-examples.ts";
import { operationIds } from "./operation-ids.ts";
import { patterns } from "./patterns.ts";
import { rstFiles } from "./rst-files.ts";
import { schemaFiles } from "./schema-files.ts";
import { swaggerDocuments } from "./swagger.ts";

export const checks: Check[] = [swaggerDocuments, operationIds, apiExamples, eventExamples, eventCoverage, schemaFiles, patterns, rstFiles];

/**
 * The checks that read the prose (the `.rst` files of the RST folders). The
 * others read only the data files: the stage memo (../pipeline/memo/) keeps
 * their results across an edit of the prose.
 */
export const PROSE_CHECKS: ReadonlySet<Check> = new Set([rstFiles]);
