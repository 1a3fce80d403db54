// What build-dist.mjs compiles along with the toolchain's code, so that no run
// compiles it, not even the first one on a fresh clone: the validators of the
// toolchain's own schemas (./check/toolchain-validators.ts) and its templates
// (./compiled-templates.ts). Each is used only when it matches what a run would
// compile itself.
import { join } from "node:path";
import { writeToolchainValidators } from "./check/toolchain-validators.ts";
import { writeCompiledTemplates } from "./compiled-templates.ts";
import { theme } from "./page/page.ts";
import { env as sectionTemplates } from "./variables/render.ts";

export function compileWithToolchain(dist: string): void {
  writeToolchainValidators(join(dist, "validators.cjs"));
  writeCompiledTemplates(dist, [sectionTemplates(), theme()]);
}
