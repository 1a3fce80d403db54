// The engine must not fall below the committed conformance floor
// (scripts/rst/testing/conformance-floor.json) on docutils' own cases.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_CASES, readFloor, runConformance } from "./conformance-command.ts";

const haveCases = existsSync(DEFAULT_CASES);
if (!haveCases) console.warn(`skipping conformance floor test: ${DEFAULT_CASES} is not here`);

describe.skipIf(!haveCases)("RST conformance against docutils", () => {
  it("passes at least as many cases per view as the committed floor", async () => {
    const floor = readFloor();
    const { results } = await runConformance(DEFAULT_CASES);
    for (const r of results) {
      expect(r.total).toBe(709);
      expect(r.passed, `${r.view}: ${r.passed} passes, floor ${floor[r.view]}`).toBeGreaterThanOrEqual(floor[r.view] ?? 0);
    }
  }, 300_000);
});
