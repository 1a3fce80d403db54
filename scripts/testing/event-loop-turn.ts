// Set-up file of every test file (vitest.config.ts): after each test, one turn
// of the event loop. Vitest awaits each test, but a synchronous test resolves
// at once, so a file of long synchronous tests (the RST engine's linear-time
// and flat-input tests) would keep the worker from reading its messages from
// vitest for minutes; vitest's calls from the worker then time out after 60 s
// ("Timeout calling onTaskUpdate") although every test passed.
import { afterEach } from "vitest";

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
