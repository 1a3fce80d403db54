// Timing a whole process: wall-clock time, and CPU time (user + system) as
// bash's `time` reports it for the command and its children.
import { spawnSync } from "node:child_process";

export interface ProcessTiming {
  wallMs: number;
  /** undefined when bash is not there to measure it. */
  cpuMs?: number;
  status: number | null;
  stderr: string;
}

const MARK = "@@bench-time@@";

/** Runs `command args...` once (no shell interpretation of the arguments) and times it. */
export function timeProcess(command: string, args: string[], options: { cwd?: string } = {}): ProcessTiming {
  const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const started = performance.now();
  const r = spawnSync("bash", ["-c", `TIMEFORMAT='${MARK} %R %U %S'; time ${quoted} >/dev/null`], { cwd: options.cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (r.error) {
    // No bash: time the command directly.
    const s = performance.now();
    const d = spawnSync(command, args, { cwd: options.cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return { wallMs: performance.now() - s, status: d.status, stderr: d.stderr ?? "" };
  }
  const m = new RegExp(`${MARK} ([\\d.]+) ([\\d.]+) ([\\d.]+)`).exec(r.stderr);
  const stderr = r.stderr.replace(new RegExp(`${MARK}.*\\n?`), "");
  if (!m) return { wallMs, status: r.status, stderr };
  return { wallMs: Number(m[1]) * 1000, cpuMs: (Number(m[2]) + Number(m[3])) * 1000, status: r.status, stderr };
}

/** The best (least wall time) of `runs` runs; stops at the first failing run. */
export function bestOf(runs: number, f: () => ProcessTiming): ProcessTiming {
  let best: ProcessTiming | undefined;
  for (let i = 0; i < Math.max(1, runs); i++) {
    const t = f();
    if (t.status !== 0) return t;
    if (!best || t.wallMs < best.wallMs) best = t;
  }
  return best!;
}

export function formatTiming(t: ProcessTiming): string {
  const wall = `${(t.wallMs / 1000).toFixed(2)} s wall`;
  return t.cpuMs === undefined ? wall : `${wall}, ${(t.cpuMs / 1000).toFixed(2)} s CPU`;
}
