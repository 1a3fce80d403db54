// A page built on its last rendering is the page rendered whole, byte for byte
// and problem for problem, whatever the edit: random edits of the repository's
// main page (words, references to targets elsewhere, unknown references, new
// and duplicate targets, substitutions, footnotes, removed lines), each
// rendered both ways. `npm test` runs a few with a fixed seed; `npm run fuzz`
// (FUZZ_LONG=1) many with a fresh one (FUZZ_SEED replays a failure).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { MappedText } from "../diagnostics/line-map.ts";
import { findTitles } from "../assemble/titles.ts";
import { runPipeline } from "../pipeline/run.ts";
import { plainStages, rstOptions } from "../pipeline/stages.ts";
import { REPO } from "../build/testing/repository-build.ts";
import { HighlightMemo } from "./highlight-memo.ts";
import { type PageContext, type PageRendering, renderPageAgain } from "./incremental-page.ts";

const LONG = process.env.FUZZ_LONG === "1";
const SEED = process.env.FUZZ_SEED === "random" || (LONG && !process.env.FUZZ_SEED) ? Date.now() : Number(process.env.FUZZ_SEED ?? 7);
const RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 200 : 4));

describe(`a page built on its last rendering (seed ${SEED})`, () => {
  let text: MappedText;
  let context: PageContext;
  let previous: PageRendering;
  /** Lines of body text (not titles, not in a directive's block): where an edit goes. */
  let bodyLines: number[];
  let targets: string[];

  beforeAll(() => {
    const run = runPipeline({ root: REPO, until: "rst", stages: plainStages({ cacheDir: undefined }), gitRev: "abc1234" });
    const i = run.plans.findIndex((p) => p.file === "index.html");
    text = run.templated[i];
    const styles = run.sources!.targets!.titleStyles;
    context = { file: "index.html", info: { file: "index.html", version: "v0", gitRev: "abc1234", nav: [] }, options: rstOptions(run.plans[i], { allowRaw: false, titleStyles: styles }), titleStyles: styles, highlight: new HighlightMemo() };
    previous = renderPageAgain(undefined, text, context).rendering;
    expect(previous.state, "the main page renders without problems").toBeDefined();
    const titleLines = new Set(findTitles(text.lines).flatMap((t) => [t.underline - 1, t.underline, ...(t.overline === undefined ? [] : [t.overline])]));
    bodyLines = text.lines.flatMap((line, n) => (/^[A-Za-z]/.test(line) && !titleLines.has(n) && !titleLines.has(n + 1) ? [n] : []));
    targets = [...new Set(text.lines.flatMap((l) => /^\.\. _([a-z][a-z0-9-]*):\s*$/.exec(l)?.[1] ?? []))];
    expect(bodyLines.length).toBeGreaterThan(100);
    expect(targets.length).toBeGreaterThan(5);
  }, 120_000);

  /** An edit: lines to put in place of line `at` (the line itself is kept unless removed). */
  const edit = () =>
    fc.tuple(fc.nat(), fc.nat(), fc.constantFrom("word", "reference", "unknown", "target", "duplicate", "literal", "substitution", "footnote", "remove")).map(([a, b, kind]) => ({ a, b, kind }));

  function edited(e: { a: number; b: number; kind: string }): MappedText {
    const at = bodyLines[e.a % bodyLines.length];
    const line = text.lines[at];
    const target = targets[e.b % targets.length];
    const replacement: Record<string, string[]> = {
      word: [line.replace(/ /, " indeed ")],
      reference: [line, "", `See ${target}_.`],
      unknown: [line, "", "See no-such-target-anywhere_."],
      target: [line, "", ".. _fuzz-added-target:", "", "A paragraph under a new target."],
      duplicate: [line, "", `.. _${target}:`, "", "A paragraph under a target named twice."],
      literal: [line.replace(/ (\w+) /, " ``$1`` ")],
      substitution: [line, "", "Using |fuzz-sub|.", "", ".. |fuzz-sub| replace:: a substitution"],
      footnote: [line, "", "A note [#]_.", "", ".. [#] The note."],
      remove: [],
    };
    const lines = [...text.lines.slice(0, at), ...replacement[e.kind], ...text.lines.slice(at + 1)];
    const origin = text.origins[at];
    const origins = [...text.origins.slice(0, at), ...replacement[e.kind].map(() => origin), ...text.origins.slice(at + 1)];
    return new MappedText(lines, origins);
  }

  it("is the page rendered whole", () => {
    let bySection = 0;
    fc.assert(
      fc.property(edit(), (e) => {
        const changed = edited(e);
        const again = renderPageAgain(previous, changed, context);
        const whole = renderPageAgain(undefined, changed, context);
        if (again.section) bySection++;
        expect(again.rendering.page.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(whole.rendering.page.diagnostics.map((d) => `${d.code} ${d.message}`));
        expect(again.rendering.page.html === whole.rendering.page.html, `${e.kind} at line ${bodyLines[e.a % bodyLines.length]}: the HTML differs`).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Not a test of nothing: some edits were rendered by their section alone.
    expect(bySection).toBeGreaterThan(0);
  }, 600_000);
});
