import { PreviewSession } from "./session.ts";
import { copyRepositoryTree } from "./test-tree.ts";
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
const t = copyRepositoryTree("prof-");
const s = new PreviewSession({ root: t.root, out: t.out });
s.build();
const f = t.root + "/api/client-server/v1/profile.yaml";
const orig = readFileSync(f, "utf8");
for (let i = 0; i < 5; i++) { writeFileSync(f, orig.replace("Sets the display name of the given user.", `Sets the display name X${i} of the given user.`)); s.build([]); }
const ins = new Session(); ins.connect();
await ins.post("Profiler.enable"); await ins.post("Profiler.start");
for (let i = 0; i < 10; i++) { writeFileSync(f, orig.replace("Sets the display name of the given user.", `Sets the display name Y${i} of the given user.`)); const r = s.build([]); if (i == 9) console.log(r.timings.map(x => x.stage + " " + x.ms.toFixed(0)).join(", ")); }
const { profile } = await ins.post("Profiler.stop");
writeFileSync("/tmp/serve.cpuprofile", JSON.stringify(profile));
// self time by function
const self = new Map<string, number>();
const nodes = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; const samples = profile.samples;
for (let i = 0; i < samples.length; i++) { const n: any = nodes.get(samples[i]); const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`).join("\n"));
t.remove();
