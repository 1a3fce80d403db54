import { SourceWatcher } from "./watcher.ts";
import { copyRepositoryTree } from "./test-tree.ts";
import { readFileSync, writeFileSync } from "node:fs";
const t = copyRepositoryTree("wl-");
let t0 = 0; const got: number[] = [];
let resolveNext: () => void = () => {};
const w = new SourceWatcher({ root: t.root, debounceMs: Number(process.argv[2] ?? 20), onBatch: () => { got.push(performance.now() - t0); resolveNext(); } });
await w.start();
const f = t.root + "/api/client-server/v1/profile.yaml"; const orig = readFileSync(f, "utf8");
for (let i = 0; i < 10; i++) { const p = new Promise<void>((r) => (resolveNext = r)); t0 = performance.now(); writeFileSync(f, orig + `#${i}\n`); await p; await new Promise((r) => setTimeout(r, 50)); }
console.log(got.map((x) => x.toFixed(1)).join(" "));
await w.close(); t.remove();
