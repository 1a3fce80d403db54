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
      else out.push({ page, id, title: b.title, depth: b.depth, status: "changed", parts: diffWordsWithSpace(old.text, b.text).map((p) => ({ value: p.value, added: p.added || undefined, removed: p.removed || undefined })) });
    }
  }
  return out;
}
