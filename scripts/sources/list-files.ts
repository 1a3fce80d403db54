// Listing the source files of a spec tree. Symbolic links are not followed
// when listing (they are aliases such as `api/client-server/v1/v1-event-schema`);
// `$ref`s may still pass through them. Dot files (editor swap files) are skipped.
// A folder named like a source file (`x.yaml`, `x.rst`) is listed as a file, not
// entered: reading it then reports that it is not a regular file.
import { readdirSync } from "node:fs";
import { join } from "node:path";

const SOURCE_NAME = /\.(ya?ml|json|rst)$/i;

/** Files under `dir` (relative to `root`), as sorted root-relative paths with forward slashes. */
export function listFiles(root: string, dir: string, options: { recursive?: boolean } = {}): string[] {
  const out: string[] = [];
  const visit = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.isSymbolicLink()) continue;
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory() && !SOURCE_NAME.test(entry.name)) {
        if (options.recursive) visit(child);
      } else out.push(child);
    }
  };
  visit(dir);
  return out.sort();
}
