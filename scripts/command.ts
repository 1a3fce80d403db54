// The shape of one `matrix-doc` command. Every command gets `--root DIR` and
// `--debug` from cli.ts; `configure` adds its own options and arguments.
import { statSync } from "node:fs";
import { resolve } from "node:path";
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
