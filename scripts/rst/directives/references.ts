// References (docutils' directives/references.py): target-notes.
import { Element } from "../nodes.ts";
import type { DirectiveDefinition } from "../parser/context.ts";
import { classOption, unchanged } from "../options.ts";
import { addName, directive } from "./util.ts";

export const REFERENCE_DIRECTIVES: Record<string, DirectiveDefinition> = {
  "target-notes": directive({
    optionSpec: { class: classOption, name: unchanged },
    run(call) {
      const pending = new Element("pending");
      pending.transform = "docutils.transforms.references.TargetNotes";
      addName(call, pending);
      const { name: _name, ...details } = call.options;
      pending.details = details;
      call.ctx.document.notePending(pending, 540);
      return [pending];
    },
  }),
};
