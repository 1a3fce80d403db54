// Results kept from one run to the next, each under a hash of a key that names
// everything it depends on. A run starts from the previous run's results and
// hands on those it used (`next()`), so what is kept does not grow with edits.
// `check` and `build` keep them on disk (../pipeline/memo/), the preview in
// memory; the parts of the checks (./check/kept-units.ts) and those of the
// variables (./variables/kept-parts.ts) are kept this way.
import { createHash } from "node:crypto";

export class KeptValues<T> {
  private readonly used = new Map<string, T>();
  /** The keys of the values computed in this run (named by `name`). */
  readonly computed: string[] = [];

  constructor(
    private readonly before: ReadonlyMap<string, T> = new Map(),
    private readonly name: (key: string) => string = (key) => key,
  ) {}

  /** The value kept under `key`, or `compute`'s, kept for later runs unless it says `keep: false`. */
  get(key: string, compute: () => { value: T; keep: boolean }): T {
    const hash = createHash("sha256").update(key).digest("hex").slice(0, 40);
    let value = this.used.get(hash) ?? this.before.get(hash);
    if (value === undefined) {
      this.computed.push(this.name(key));
      const made = compute();
      value = made.value;
      if (!made.keep) return value;
    }
    this.used.set(hash, value);
    return value;
  }

  /** Whether the run after needs other values than this one was given. */
  get changed(): boolean {
    return this.computed.length > 0 || this.used.size !== this.before.size;
  }

  /** What the run after starts from: the values this run used. */
  next(): Map<string, T> {
    return this.used;
  }
}
