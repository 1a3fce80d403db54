// `matrix-doc ARGS` run in the test's own process: `main()` of scripts/cli.ts
// with standard output and standard error captured, and the environment
// changed for the call only. It gives what the process would (exit code,
// stdout, stderr) without starting Node and loading the toolchain each time;
// the tests that check the process itself (bin/matrix-doc.js, signals, the
// real terminal streams) still spawn it.
import { main } from "../cli.ts";

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

let running = false;

export interface CliOptions {
  /** Variables to set (undefined: to remove) for the call. */
  env?: Record<string, string | undefined>;
  /** The working folder for the call (the tests run in forked workers, where process.chdir works). */
  cwd?: string;
}

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const env = options.env ?? {};
  if (running) throw new Error("runCli: one call at a time (standard output is captured)");
  running = true;
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const savedEnv = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  const capture = (into: string[]) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const savedCwd = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  try {
    const status = await main(["node", "matrix-doc", ...args]);
    return { status, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    if (options.cwd) process.chdir(savedCwd);
    for (const [k, v] of savedEnv) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    running = false;
  }
}
