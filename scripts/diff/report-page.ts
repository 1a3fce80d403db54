// The diff report as one self-contained HTML page: the API changes first (a
// table, breaking ones marked), then the text, section by section, with the
// inserted and deleted words marked and unchanged sections collapsed. Every
// section links to itself in either version's build.
import type { ApiChange } from "./api-report.ts";
import type { BuiltSide, DiffReport } from "./report.ts";
import type { SectionDiff } from "./text-diff.ts";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const KIND_WORDS: Record<ApiChange["kind"], string> = { added: "added", removed: "removed", retyped: "retyped", "made-required": "now required", "made-optional": "now optional" };
const AREA_WORDS: Record<ApiChange["area"], string> = { operation: "Operation", parameter: "Parameter", request: "Request field", response: "Response field", "response-status": "Response", event: "Event type", "event-field": "Event field" };

export function describeChange(c: ApiChange): string {
  const what = c.item ? `${c.subject}: ${c.item}` : c.subject;
  const detail = c.kind === "retyped" ? ` (${c.from} → ${c.to})` : c.kind === "added" && c.to ? ` (${c.to}${c.required ? ", required" : ""})` : "";
  return `${AREA_WORDS[c.area]} ${KIND_WORDS[c.kind]}: ${what}${detail}`;
}

function apiTable(changes: readonly ApiChange[]): string {
  if (!changes.length) return `<p class="none">No API changes: the operations, their parameters and fields, and the events are the same.</p>`;
  const order: ApiChange["area"][] = ["operation", "parameter", "request", "response-status", "response", "event", "event-field"];
  const sorted = [...changes].sort((a, b) => Number(b.breaking) - Number(a.breaking) || order.indexOf(a.area) - order.indexOf(b.area) || a.subject.localeCompare(b.subject));
  const rows = sorted.map((c) => {
    const detail = c.kind === "retyped" ? `${esc(c.from ?? "")} → ${esc(c.to ?? "")}` : c.kind === "added" && c.to ? `${esc(c.to)}${c.required ? ", required" : ""}` : c.kind === "removed" && c.from ? `was ${esc(c.from)}` : "";
    return `<tr class="${c.breaking ? "breaking" : "compatible"}"><td>${c.breaking ? `<span class="tag breaking">breaking</span>` : `<span class="tag compatible">non-breaking</span>`}</td><td>${AREA_WORDS[c.area]}</td><td><code>${esc(c.subject)}</code></td><td>${c.item ? `<code>${esc(c.item)}</code>` : ""}</td><td class="kind-${c.kind}">${KIND_WORDS[c.kind]}</td><td>${detail}</td></tr>`;
  });
  return `<table class="api"><thead><tr><th></th><th>What</th><th>Operation or event</th><th>Item</th><th>Change</th><th>Type</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

function links(s: SectionDiff, from: BuiltSide, to: BuiltSide): string {
  const link = (side: BuiltSide, label: string) => (side.pages.includes(s.page) ? `<a href="${esc(side.folder)}/${esc(s.page)}#${esc(s.id)}">${label}</a>` : "");
  return [s.status !== "added" ? link(from, `in ${esc(from.name)}`) : "", s.status !== "removed" ? link(to, `in ${esc(to.name)}`) : ""].filter(Boolean).join(" · ");
}

function textBlock(s: SectionDiff): string {
  if (s.status === "changed") return `<div class="text">${s.parts!.map((p) => (p.added ? `<ins>${esc(p.value)}</ins>` : p.removed ? `<del>${esc(p.value)}</del>` : esc(p.value))).join("")}</div>`;
  if (s.status === "added") return `<div class="text"><ins>${esc(s.text ?? "")}</ins></div>`;
  if (s.status === "removed") return `<div class="text"><del>${esc(s.text ?? "")}</del></div>`;
  return "";
}

function textPart(sections: readonly SectionDiff[], from: BuiltSide, to: BuiltSide): string {
  const out: string[] = [];
  let unchanged: SectionDiff[] = [];
  const flush = () => {
    if (!unchanged.length) return;
    const items = unchanged.map((s) => `<li>${esc(s.title)} <span class="links">${links(s, from, to)}</span></li>`).join("");
    out.push(`<details class="unchanged"><summary>${unchanged.length} unchanged section${unchanged.length === 1 ? "" : "s"}</summary><ul>${items}</ul></details>`);
    unchanged = [];
  };
  for (const s of sections) {
    if (s.status === "unchanged") {
      unchanged.push(s);
      continue;
    }
    flush();
    out.push(`<section class="diff-section ${s.status}" id="${esc(`${s.page}-${s.id}`)}"><h3><span class="status">${s.status}</span> ${esc(s.title)} <span class="page">${esc(s.page)}</span></h3><p class="links">${links(s, from, to)}</p>${textBlock(s)}</section>`);
  }
  flush();
  return out.join("\n");
}

export function renderDiffPage(report: DiffReport): string {
  const { from, to } = report;
  const counts = (status: string) => report.sections.filter((s) => s.status === status).length;
  const side = (s: BuiltSide) => `<a href="${esc(s.folder)}/index.html"><strong>${esc(s.name)}</strong></a> (${esc(s.version)}${s.commit ? `, <code>${esc(s.commit.slice(0, 10))}</code>` : ", working tree"})`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="matrix-doc diff">
<title>Changes from ${esc(from.name)} to ${esc(to.name)}</title>
<style>
  body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1f2328; line-height: 1.55; }
  h1 { font-size: 1.6rem; margin: 0 0 .3em; } h2 { margin-top: 2rem; border-bottom: 1px solid #d8dee4; }
  table.api { border-collapse: collapse; width: 100%; font-size: .9rem; } table.api td, table.api th { border-bottom: 1px solid #eaeef2; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  .tag { font-size: .75rem; font-weight: 600; border-radius: 999px; padding: 0 .5rem; white-space: nowrap; }
  .tag.breaking { background: #ffebe9; color: #a40e26; border: 1px solid #ffcecb; } .tag.compatible { background: #e6f6f1; color: #075e4a; border: 1px solid #b7e4d6; }
  .diff-section { border: 1px solid #d8dee4; border-radius: 8px; padding: .5rem 1rem; margin: 1rem 0; }
  .diff-section h3 { margin: .2rem 0; font-size: 1.05rem; } .status { font-size: .75rem; text-transform: uppercase; color: #59636e; } .page { font-weight: 400; font-size: .8rem; color: #59636e; }
  .links { font-size: .85rem; margin: 0 0 .4rem; } .text { white-space: pre-wrap; font-size: .92rem; }
  ins { background: #dafbe1; text-decoration: none; } del { background: #ffebe9; color: #82071e; }
  details.unchanged { color: #59636e; margin: .5rem 0; } details.unchanged ul { font-size: .9rem; }
</style>
</head>
<body>
<h1>Changes from ${esc(from.name)} to ${esc(to.name)}</h1>
<p>From ${side(from)} to ${side(to)}.</p>
<h2 id="api">API changes: ${report.api.length} (${report.breaking} breaking)</h2>
<p class="rule">Breaking means that a client or server written for ${esc(from.name)} may fail with ${esc(to.name)}: anything removed or retyped; a new or newly required parameter or request field; a response field made optional; an event content field added as required, or made required or optional. New operations, event types, responses and response fields are not breaking.</p>
${apiTable(report.api)}
<h2 id="text">Text changes: ${counts("changed")} changed, ${counts("added")} added, ${counts("removed")} removed section${counts("removed") === 1 ? "" : "s"}</h2>
${textPart(report.sections, from, to)}
</body>
</html>
`;
}
