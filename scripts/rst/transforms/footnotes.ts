// references.Footnotes (priority 620): numbers auto-numbered footnotes (`[#]`,
// `[#label]`) skipping numbers already used as names, gives symbol footnotes (`[*]`)
// their symbols, and links footnote and citation references with their notes
// (refid one way, backrefs the other).
import type { Document } from "../document.ts";
import { Element, Text } from "../nodes.ts";
import { addBackref, BatchReplacer, replaceWithProblematic } from "./util.ts";

/** docutils' footnote symbols, repeated (`**`, `††`, ...) once exhausted. */
export const FOOTNOTE_SYMBOLS = [
  "*", "\u2020", "\u2021", "\u00a7", "\u00b6", "#", "\u2660", "\u2665", "\u2666", "\u2663",
];

export function footnotes(document: Document): void {
  const autoLabels: string[] = [];
  const start = document.autofootnoteStart;
  document.autofootnoteStart = numberFootnotes(document, start, autoLabels);
  numberFootnoteReferences(document, autoLabels);
  symbolizeFootnotes(document);
  resolveFootnotesAndCitations(document);
}

function numberFootnotes(document: Document, startnum: number, autoLabels: string[]): number {
  for (const footnote of document.autofootnotes) {
    let label: string;
    for (;;) {
      label = String(startnum);
      startnum++;
      if (!document.nameids.has(label)) break;
    }
    footnote.insert(0, new Element("label", {}, [new Text(label)]));
    for (const name of footnote.names) {
      for (const ref of document.footnoteRefs.get(name) ?? []) {
        ref.append(new Text(label));
        ref.delete("refname");
        ref.set("refid", footnote.ids[0]);
        addBackref(footnote, ref.ids[0]);
        document.noteRefid(ref);
        ref.resolved = true;
      }
    }
    if (!footnote.names.length && !footnote.dupnames.length) {
      footnote.names.push(label);
      document.noteExplicitTarget(footnote, footnote);
      autoLabels.push(label);
    }
  }
  return startnum;
}

function numberFootnoteReferences(document: Document, autoLabels: string[]): void {
  let i = 0;
  const refs = document.autofootnoteRefs;
  for (let k = 0; k < refs.length; k++) {
    const ref = refs[k];
    if (ref.resolved || ref.has("refid")) continue;
    if (i >= autoLabels.length) {
      const msg = document.reporter.error(
        // docutils 1.0 says "footnote" for 0 and 1 here (but "footnotes" for symbols).
        `Too many autonumbered footnote references: only ${autoLabels.length} corresponding ` +
          `footnote${autoLabels.length > 1 ? "s" : ""} available.`,
        [],
        { baseNode: ref },
      );
      document.setId(msg);
      const batch = new BatchReplacer();
      for (const r of refs.slice(k)) {
        if (r.resolved || r.has("refname")) continue;
        replaceWithProblematic(document, r, msg, undefined, batch);
      }
      batch.flush();
      break;
    }
    const label = autoLabels[i];
    ref.append(new Text(label));
    const id = document.nameids.get(label)!;
    const footnote = document.idMap.get(id)!;
    ref.set("refid", id);
    document.noteRefid(ref);
    addBackref(footnote, ref.ids[0]);
    ref.resolved = true;
    i++;
  }
}

function symbolizeFootnotes(document: Document): void {
  const labels: string[] = [];
  for (const footnote of document.symbolFootnotes) {
    const n = document.symbolFootnoteStart;
    const reps = Math.floor(n / FOOTNOTE_SYMBOLS.length);
    const labeltext = FOOTNOTE_SYMBOLS[n % FOOTNOTE_SYMBOLS.length].repeat(reps + 1);
    labels.push(labeltext);
    footnote.insert(0, new Element("label", {}, [new Text(labeltext)]));
    document.symbolFootnoteStart++;
    document.setId(footnote);
  }
  const refs = document.symbolFootnoteRefs;
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    if (i >= labels.length) {
      const msg = document.reporter.error(
        `Too many symbol footnote references: only ${labels.length} corresponding footnotes available.`,
        [],
        { baseNode: ref },
      );
      document.setId(msg);
      const batch = new BatchReplacer();
      for (const r of refs.slice(i)) {
        if (r.resolved || r.has("refid")) continue;
        replaceWithProblematic(document, r, msg, undefined, batch);
      }
      batch.flush();
      break;
    }
    ref.append(new Text(labels[i]));
    const footnote = document.symbolFootnotes[i];
    ref.set("refid", footnote.ids[0]);
    document.noteRefid(ref);
    addBackref(footnote, ref.ids[0]);
  }
}

function resolveFootnotesAndCitations(document: Document): void {
  for (const footnote of document.footnotes) {
    for (const label of footnote.names) {
      const reflist = document.footnoteRefs.get(label);
      if (reflist) resolveReferences(footnote, reflist);
    }
  }
  for (const citation of document.citations) {
    for (const label of citation.names) {
      const reflist = document.citationRefs.get(label);
      if (reflist) resolveReferences(citation, reflist);
    }
  }
}

function resolveReferences(note: Element, reflist: Element[]): void {
  const id = note.ids[0];
  for (const ref of reflist) {
    if (ref.resolved) continue;
    ref.delete("refname");
    ref.set("refid", id);
    addBackref(note, ref.ids[0]);
    ref.resolved = true;
  }
  note.resolved = true;
}
