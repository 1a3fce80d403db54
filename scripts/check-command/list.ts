// `matrix-doc check --list`: what the tool found in the tree, without checking
// it: so that a layout it does not know shows as missing files, not as a pass.
import { loadSources } from "../sources/index.ts";

export function listSources(root: string, format: "text" | "json"): string {
  const sources = loadSources(root);
  const { layout, events } = sources;
  const found = {
    swagger: sources.swagger.map((s) => ({ file: s.file.path, operations: s.endpoints.length, examples: s.endpoints.reduce((n, e) => n + e.examples.length, 0) })),
    notSwagger: sources.otherApiFiles,
    eventSchemaDirs: events.schemaDirs,
    eventSchemas: events.schemas.map((s) => s.file.path),
    eventExampleDirs: events.exampleDirs,
    eventExamples: events.examples.map((e) => ({ file: e.file.path, schema: e.schema?.file.path ?? null })),
    schemaFiles: sources.schemaFiles.map((f) => f.path),
    changelogs: layout.changelogs,
    targets: sources.targets ? sources.targets.targetNames : [],
    rstFiles: layout.rstFiles,
    supportingPages: layout.supportingPages.map((p) => p.path),
  };
  if (format === "json") return JSON.stringify(found, null, 2) + "\n";
  const out: string[] = [];
  const section = (title: string, lines: string[]) => {
    out.push(`${title} (${lines.length})`);
    for (const l of lines) out.push(`  ${l}`);
  };
  section("Swagger documents", found.swagger.map((s) => `${s.file}  ${s.operations} operations, ${s.examples} examples`));
  if (found.notSwagger.length) section("YAML under api/ that is not a Swagger document", found.notSwagger);
  section(`Event schemas in ${found.eventSchemaDirs.join(", ") || "(no folder)"}`, found.eventSchemas);
  section(`Event examples in ${found.eventExampleDirs.join(", ") || "(no folder)"}`, found.eventExamples.map((e) => `${e.file}  → ${e.schema ?? "no schema"}`));
  section("Schema files", found.schemaFiles);
  section("Changelogs", found.changelogs);
  section("Targets of specification/targets.yaml", found.targets);
  section("RST files", found.rstFiles);
  section("Supporting pages", found.supportingPages);
  return out.join("\n") + "\n";
}
