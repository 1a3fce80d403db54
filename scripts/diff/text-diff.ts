// The text part of the diff: the sections of the two builds' pages matched by
// page and id, in the new document's order (removed sections where they were),
// each added, removed, changed or unchanged; a changed one carries a
// word-level diff of its rendered text (the `diff` package's diffWords).
import { diffArrays, diffWordsWithSpace } from "diff";
import type { PageSection } from "./page-sections.ts";

export type SectionStatus = "added" | "removed" | "changed" | "unchanged";

export interface TextPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface SectionDiff {
  page: string;
  id: string;
  title: string;
  depth: number;
  status: SectionStatus;
  /** For a changed section: its text as runs of kept, inserted and deleted words. */
  parts?: TextPart[];
  /** For an added or removed section: its text. */
  text?: string;
}

export function diffSections(page: string, before: readonly PageSection[], after: readonly PageSection[]): SectionDiff[] {
  const oldById = new Map(before.map((s) => [s.id, s]));
  const newById = new Map(after.map((s) => [s.id, s]));
  const out: SectionDiff[] = [];
  for (const run of diffArrays(before.map((s) => s.id), after.map((s) => s.id))) {
    for (const id of run.value) {
      const a = oldById.get(id);
      const b = newById.get(id);
      if (run.removed || !b) {
        // Moved sections show up as removed and added; report them as one, where they are now.
        if (!newById.has(id)) out.push({ page, id, title: a!.title, depth: a!.depth, status: "removed", text: a!.text });
        continue;
      }
      if (run.added || !a) {
        if (!oldById.has(id)) {
          out.push({ page, id, title: b.title, depth: b.depth, status: "added", text: b.text });
          continue;
        }
      }
      const old = oldById.get(id)!;
      if (old.text === b.text) out.push({ page, id, title: b.title, depth: b.depth, status: "unchanged" });
      else out.push({ page, id, title: b.title, depth: b.depth, status: "changed", parts: grouped(diffWordsWithSpace(old.text, b.text)) });
    }
  }
  return out;
}

/**
 * Joins the changes that only spaces separate, so that a replaced phrase reads as
 * one deletion and one insertion ("<del>say</del><ins>tell the server</ins>")
 * rather than alternating single words.
 */
export function grouped(parts: readonly TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    // Spaces that end both sides are kept outside the marks.
    const tail = del && ins ? (/\s*$/.exec(del)![0].length <= /\s*$/.exec(ins)![0].length ? /\s*$/.exec(del)![0] : /\s*$/.exec(ins)![0]) : "";
    if (del) out.push({ value: del.slice(0, del.length - tail.length), removed: true });
    if (ins) out.push({ value: ins.slice(0, ins.length - tail.length), added: true });
    if (tail) out.push({ value: tail });
    del = ins = "";
  };
  parts.forEach((p, i) => {
    const next = parts[i + 1];
    if (p.removed) del += p.value;
    else if (p.added) ins += p.value;
    else if ((del || ins) && /^\s+$/.test(p.value) && next && (next.added || next.removed)) {
      del += p.value;
      ins += p.value;
    } else {
      flush();
      const last = out[out.length - 1];
      if (last && !last.added && !last.removed) last.value += p.value;
      else out.push({ value: p.value });
    }
  });
  flush();
  return out;
}
