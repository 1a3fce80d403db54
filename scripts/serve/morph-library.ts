// idiomorph (npm `idiomorph`), served to the preview's pages so that an update
// morphs the open page instead of reloading it. Read once, from the package.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

let text: string | undefined;

export function morphLibrary(): string {
  text ??= readFileSync(createRequire(import.meta.url).resolve("idiomorph/dist/idiomorph.min.js"), "utf8");
  return text;
}
