// docutils' Transformer for the standalone reader: the reader's and parser's
// transforms, plus the transforms `pending` nodes stand for, run in order of priority
// (then of registration). Transforms may register further pending nodes while running
// (they join the queue). Messages reported while the transforms run are recorded in
// `document.transformMessages` (for the writer's Messages transform).
import type { Document } from "../document.ts";
import type { Element } from "../nodes.ts";
import { anonymousHyperlinks } from "./anonymous-hyperlinks.ts";
import { classAttribute } from "./class-attribute.ts";
import { contents } from "./contents.ts";
import { danglingReferences } from "./dangling-references.ts";
import { decorations } from "./decorations.ts";
import { docInfo } from "./doc-info.ts";
import { docTitle } from "./doc-title.ts";
import { externalTargets } from "./external-targets.ts";
import { footnotes } from "./footnotes.ts";
import { indirectHyperlinks } from "./indirect-hyperlinks.ts";
import { internalTargets } from "./internal-targets.ts";
import { PENDING_PRIORITIES, PRIORITIES } from "./priorities.ts";
import { propagateTargets } from "./propagate-targets.ts";
import { sectionSubTitle } from "./section-subtitle.ts";
import { sectNum } from "./sectnum.ts";
import { substitutions } from "./substitutions.ts";
import { targetNotes } from "./target-notes.ts";
import { transitions } from "./transitions.ts";
import { stripComments } from "./strip-comments.ts";
import { exposeInternals } from "./expose-internals.ts";

export { applyWriterTransforms, filterMessages, messages } from "./messages.ts";

type DocumentTransform = (document: Document) => void;
type PendingTransform = (document: Document, pending: Element) => void;

/** The standalone reader's transforms (docutils' Reader + standalone.Reader + rst Parser get_transforms). */
export const READER_TRANSFORMS: Array<[number, string, DocumentTransform]> = [
  [PRIORITIES.Decorations, "Decorations", decorations],
  [PRIORITIES.StripComments, "StripComments", stripComments],
  [PRIORITIES.Substitutions, "Substitutions", substitutions],
  [PRIORITIES.PropagateTargets, "PropagateTargets", propagateTargets],
  [PRIORITIES.DocTitle, "DocTitle", docTitle],
  [PRIORITIES.SectionSubTitle, "SectionSubTitle", sectionSubTitle],
  [PRIORITIES.DocInfo, "DocInfo", docInfo],
  [PRIORITIES.AnonymousHyperlinks, "AnonymousHyperlinks", anonymousHyperlinks],
  [PRIORITIES.IndirectHyperlinks, "IndirectHyperlinks", indirectHyperlinks],
  [PRIORITIES.Footnotes, "Footnotes", footnotes],
  [PRIORITIES.ExternalTargets, "ExternalTargets", externalTargets],
  [PRIORITIES.InternalTargets, "InternalTargets", internalTargets],
  [PRIORITIES.DanglingReferences, "DanglingReferences", danglingReferences],
  [PRIORITIES.Transitions, "Transitions", transitions],
  [PRIORITIES.ExposeInternals, "ExposeInternals", exposeInternals],
];

/** Transforms that `pending` nodes stand for, by docutils class path. */
export const PENDING_TRANSFORMS: Record<string, PendingTransform> = {
  "docutils.transforms.misc.ClassAttribute": classAttribute,
  "docutils.transforms.references.TargetNotes": targetNotes,
  "docutils.transforms.parts.SectNum": sectNum,
  "docutils.transforms.parts.Contents": contents,
};

interface QueueEntry {
  name: string;
  priority: number;
  serial: number;
  run: () => void;
}

export function applyTransforms(document: Document): void {
  const queue: QueueEntry[] = [];
  let serial = 0;
  let pendingSeen = 0;
  const takePending = () => {
    for (; pendingSeen < document.pending.length; pendingSeen++) {
      const { node, priority } = document.pending[pendingSeen];
      const fn = PENDING_TRANSFORMS[node.transform ?? ""];
      queue.push({
        name: node.transform ?? "pending",
        priority,
        serial: serial++,
        run: () => {
          if (fn && node.parent) fn(document, node);
        },
      });
    }
  };
  // Pending nodes were registered while parsing, before the components' transforms.
  takePending();
  for (const [priority, name, fn] of READER_TRANSFORMS) {
    queue.push({ name, priority, serial: serial++, run: () => fn(document) });
  }
  const observer = (msg: Element) => document.noteTransformMessage(msg);
  document.reporter.attach(observer);
  try {
    while (queue.length) {
      let best = 0;
      for (let i = 1; i < queue.length; i++) {
        const a = queue[i];
        const b = queue[best];
        if (a.priority < b.priority || (a.priority === b.priority && a.serial < b.serial)) best = i;
      }
      const [entry] = queue.splice(best, 1);
      try {
        entry.run();
      } catch (e) {
        // A transform must never take the whole document down: report and go on.
        document.append(
          document.reporter.severe(`Internal error in transform ${entry.name}: ${(e as Error).message ?? String(e)}`),
        );
      }
      takePending();
    }
  } finally {
    const i = document.reporter.observers.indexOf(observer);
    if (i >= 0) document.reporter.observers.splice(i, 1);
  }
}

export { PENDING_PRIORITIES };
