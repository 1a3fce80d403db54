// Fuzzing the toolchain with mutated RST, YAML and JSON sources (fast-check):
// no crash, no internal error, every error in a file, a time limit per input.
// `npm test` runs a short, fixed-seed round; `npm run fuzz` a long one with a
// fresh seed (FUZZ_RUNS and FUZZ_SEED set them; a failure prints its seed and
// the shrunk input, which `FUZZ_SEED=<seed>` replays).
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { FUZZED_FILES, FuzzTree, original, parseOnce, problemWith } from "./harness.ts";
import { mutatedText } from "./mutations.ts";

const LONG = process.env.FUZZ_LONG === "1";
const SEED = process.env.FUZZ_SEED === "random" || (LONG && !process.env.FUZZ_SEED) ? Date.now() : Number(process.env.FUZZ_SEED ?? 14);
const PARSE_RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 3000 : 30));
const TREE_RUNS = Math.max(1, Math.round(PARSE_RUNS / 10));
/** Per input: generous, since the machine is shared; a hang or a quadratic blow-up goes far past it. */
const LIMIT_MS = 10_000;

const input = fc.constantFrom(...FUZZED_FILES).chain((f) => mutatedText(f.kind, original(f.path)).map((text) => ({ ...f, text })));

describe(`fuzz (seed ${SEED})`, () => {
  it("the parsers (YAML, JSON, RST) on mutated sources", () => {
    fc.assert(
      fc.property(input, ({ kind, path, text }) => {
        const started = performance.now();
        const diagnostics = parseOnce(kind, path, text);
        expect(problemWith(diagnostics, performance.now() - started, LIMIT_MS)).toBeUndefined();
      }),
      { seed: SEED, numRuns: PARSE_RUNS },
    );
  }, 600_000);

  const tree = new FuzzTree();
  afterAll(() => tree.remove());

  it("check and build over a tree holding a mutated source", async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ path, text }) => {
        const started = performance.now();
        const diagnostics = await tree.run(path, text, { build: true });
        expect(problemWith(diagnostics, performance.now() - started, LIMIT_MS)).toBeUndefined();
      }),
      { seed: SEED + 1, numRuns: TREE_RUNS },
    );
  }, 3_600_000);
});
