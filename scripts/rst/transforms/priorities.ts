// docutils' default priorities of the transforms (lower runs first), keyed by the
// docutils class path that `pending` nodes carry in `node.transform`.
export const PRIORITIES = {
  ClassAttribute: 210,
  Substitutions: 220,
  PropagateTargets: 260,
  DocTitle: 320,
  DocInfo: 340,
  SectionSubTitle: 350,
  StripClassesAndElements: 420,
  AnonymousHyperlinks: 440,
  IndirectHyperlinks: 460,
  TargetNotes: 540,
  Footnotes: 620,
  ExternalTargets: 640,
  InternalTargets: 660,
  SectNum: 710,
  Contents: 720,
  StripComments: 740,
  Decorations: 820,
  Transitions: 830,
  ExposeInternals: 840,
  DanglingReferences: 850,
  SmartQuotes: 855,
  Messages: 860,
  FilterMessages: 870,
} as const;

/** Priority of the transform a pending node names (docutils' note_pending default). */
export const PENDING_PRIORITIES: Record<string, number> = {
  "docutils.transforms.misc.ClassAttribute": PRIORITIES.ClassAttribute,
  "docutils.transforms.references.TargetNotes": PRIORITIES.TargetNotes,
  "docutils.transforms.parts.SectNum": PRIORITIES.SectNum,
  "docutils.transforms.parts.Contents": PRIORITIES.Contents,
  "docutils.transforms.misc.CallBack": 990,
};
