// Whether the terminal output is coloured: `NO_COLOR` (any value but empty)
// turns colour off, `FORCE_COLOR` (any value but empty, 0 or false) turns it
// on, and otherwise colour is used when the stream is a terminal.
// See https://no-color.org and https://force-color.org.
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return !/^(0|false)$/i.test(force);
  return Boolean(stream.isTTY);
}

/** `1 error`, `2 errors`, `0 warnings`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
