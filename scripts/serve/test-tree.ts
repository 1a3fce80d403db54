// A temporary copy of the repository's spec sources for the preview's tests and
// bench: a preview edits files, so it never runs on the repository itself.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const ENTRIES = ["api", "event-schemas", "specification", "supporting-docs", "drafts", "templating/templates", "CHANGELOG.rst"];

export interface TempTree {
  /** The copied spec tree. */
  root: string;
  /** An output folder beside it. */
  out: string;
  remove(): void;
}

export function copyRepositoryTree(prefix = "serve-test-"): TempTree {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const root = join(dir, "tree");
  for (const entry of ENTRIES) {
    try {
      cpSync(join(REPO, entry), join(root, entry), { recursive: true, verbatimSymlinks: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  return { root, out: join(dir, "out"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A temporary copy of the build's small fixture tree (scripts/build/fixtures/mini-tree),
 * for the tests of the serve command as a process whose assertions do not
 * depend on what is built (the address, the exit codes, the warnings): the
 * process builds it in a fraction of the repository's time.
 */
export function copyMiniTree(prefix = "serve-mini-"): TempTree {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const root = join(dir, "tree");
  cpSync(join(REPO, "scripts/build/fixtures/mini-tree"), root, { recursive: true, verbatimSymlinks: true });
  return { root, out: join(dir, "out"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
