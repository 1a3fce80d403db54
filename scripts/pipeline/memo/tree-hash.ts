// Content hashes of whole folders: the keys under which the stage memo
// (./memo-stages.ts) keeps a stage's result. A stage that reads its inputs
// from the spec tree gives the same result for the same files and the same
// toolchain, so a key covers the files a stage may read (their paths and
// bytes, not their times) and the toolchain's code, templates and locked
// library versions.
import { createHash } from "node:crypto";
import { type Dirent, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TOOLCHAIN_ROOT } from "../../toolchain-paths.ts";

/** Folders never read as sources: version control, libraries, output, compiled code, caches. */
const SKIPPED = new Set([".git", "node_modules", "gen", "dist"]);
/**
 * The toolchain's own folders, when the spec tree is the toolchain's
 * repository (as this one is): toolchainHash() covers them.
 */
const TOOLCHAIN_FOLDERS = new Set(["scripts", "templating", "bin"].map((name) => join(TOOLCHAIN_ROOT, name)));

/** One file of a tree: its path under the root and what it holds (its bytes' hash, or where a link leads). */
export interface FileDigest {
  path: string;
  digest: string;
}

/** The digest of every file under `dir`, in a stable order. */
function digestFolder(dir: string, prefix: string, out: FileDigest[]): FileDigest[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    out.push({ path: prefix, digest: "unreadable folder" });
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (SKIPPED.has(entry.name) || (entry.name.startsWith(".") && entry.isDirectory())) continue;
    const path = join(dir, entry.name);
    if (TOOLCHAIN_FOLDERS.has(path)) continue;
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) digestFolder(path, `${name}/`, out);
    else if (entry.isFile()) out.push({ path: name, digest: digestFile(path) });
    else if (entry.isSymbolicLink()) {
      // The link's text, and the file's bytes when it leads to a file.
      const target = safely(() => readlinkSync(path));
      out.push({ path: name, digest: `link ${target} ${safely(() => statSync(path).isFile()) ? digestFile(path) : ""}` });
    } else {
      // A pipe, socket or device: the loader reports it, so its presence counts.
      out.push({ path: name, digest: "not a regular file" });
    }
  }
  return out;
}

function digestFile(path: string): string {
  const bytes = safely(() => readFileSync(path));
  return bytes ? createHash("sha1").update(bytes).digest("hex") : "unreadable";
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** Every file under `root` with its digest (version control, libraries, output and the toolchain's own code left out). */
export function treeDigests(root: string): FileDigest[] {
  return digestFolder(root, "", []);
}

/** One hash of the given files. */
export function hashDigests(files: readonly FileDigest[]): string {
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${f.path}\0${f.digest}\0`);
  return hash.digest("hex");
}

let toolchain: string | undefined;
/**
 * The hash of the toolchain that is running: its code (dist/'s build-id when
 * compiled, every file of scripts/ when run as TypeScript), its templates and theme, and
 * package-lock.json (the libraries' versions).
 */
export function toolchainHash(): string {
  if (toolchain === undefined) {
    const code = runningCodeFolder();
    // A bundle carries the hash of its files (build-dist.mjs writes it).
    const buildId = safely(() => readFileSync(join(code, "build-id"), "utf8").trim());
    toolchain = hashDigests([
      ...(buildId ? [{ path: "code/build-id", digest: buildId }] : digestFolder(code, "code/", [])),
      ...digestFolder(join(TOOLCHAIN_ROOT, "templating"), "templating/", []),
      { path: "package-lock.json", digest: digestFile(join(TOOLCHAIN_ROOT, "package-lock.json")) },
    ]);
  }
  return toolchain;
}

/** dist/ or scripts/: the folder of the toolchain this module was loaded from. */
function runningCodeFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const name of ["dist", "scripts"]) {
    const folder = join(TOOLCHAIN_ROOT, name);
    if (here === folder || here.startsWith(folder + "/")) return folder;
  }
  return here;
}
