import { defineConfig } from "vitest/config";

// Two workers (the machine the suite is timed on has two cores), and the test
// files share their worker's module graph (`isolate: false`): every file does
// not load the toolchain again, and the helpers that build the repository once
// (scripts/build/testing/repository-build.ts) build it once per worker. Files
// that replace modules or globals (vi.mock) run in a fresh module state of
// their own, in the "isolated" project.
const ISOLATED = ["scripts/cli-internal-error.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ["scripts/testing/event-loop-turn.ts"],
    pool: "forks",
    // The pool reads `isolate` from here (the root config), not from a
    // project's `test.isolate`: without this, every file got a fresh worker.
    // Between the projects' groups of files the workers are recycled, so the
    // "isolated" project's file still starts in a fresh process.
    poolOptions: { forks: { isolate: false } },
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: { name: "main", include: ["scripts/**/*.test.ts"], exclude: ISOLATED, isolate: false },
      },
      {
        extends: true,
        test: { name: "isolated", include: ISOLATED, isolate: true },
      },
    ],
  },
});
