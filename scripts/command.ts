// The shape of one `matrix-doc` command. Every command gets `--root DIR` and
// `--debug` from cli.ts; `configure` adds its own options and arguments.
import type { Command } from "commander";

export interface CommandSpec {
  name: string;
  description: string;
  configure(cmd: Command): void;
  /** Returns the exit code: 0 success, 1 findings, 2 usage error. */
  run(options: Record<string, any>, args: string[]): Promise<number>;
}
