// The shape of one `matrix-doc` command. Every command gets `--root DIR` and
// `--debug` from cli.ts; `configure` adds its own options and arguments.
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";

export interface CommandSpec {
  name: string;
  description: string;
  configure(cmd: Command): void;
  /** Returns the exit code: 0 success, 1 findings, 2 usage error. */
  run(options: Record<string, any>, args: string[]): Promise<number>;
}

/**
 * The `--root` folder as an absolute path; undefined, after saying why on standard
 * error, when it does not exist or is not a folder (a usage error: exit 2).
 */
export function rootFolder(options: Record<string, any>, command: string): string | undefined {
  const root = resolve(String(options.root ?? process.cwd()));
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    process.stderr.write(`matrix-doc ${command}: the root ${root} does not exist or is not a folder.\n`);
    return undefined;
  }
  return root;
}

/**
 * The `--out` folder as an absolute path (default `<root>/gen`); undefined, after
 * saying why on standard error, when it, or a folder above it, is something other
 * than a folder (a usage error: exit 2). A folder that does not exist yet is fine.
 */
export function outFolder(options: Record<string, any>, command: string, root: string): string | undefined {
  const out = options.out ? resolve(String(options.out)) : resolve(root, "gen");
  for (let p = out; ; p = dirname(p)) {
    let stats;
    try {
      stats = statSync(p);
    } catch {
      if (dirname(p) === p) break;
      continue; // not there yet: the build makes it
    }
    if (!stats.isDirectory()) {
      process.stderr.write(`matrix-doc ${command}: --out ${out}: ${p === out ? "it" : p} exists and is not a folder.\n`);
      return undefined;
    }
    break;
  }
  return out;
}
