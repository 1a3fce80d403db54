// The parser's states by name (docutils' state_classes).
import type { StateClass } from "../machine.ts";
import { Body, BulletList, DefinitionList, EnumeratedList, Explicit, ExtensionOptions, FieldList, LineBlock, OptionList, SubstitutionDef } from "./body.ts";
import { Definition, Line, QuotedLiteralBlock, TextState } from "./text.ts";

export const STATE_CLASSES: Record<string, StateClass> = {
  Body,
  BulletList,
  DefinitionList,
  EnumeratedList,
  FieldList,
  OptionList,
  LineBlock,
  ExtensionOptions,
  Explicit,
  Text: TextState,
  Definition,
  Line,
  SubstitutionDef,
  QuotedLiteralBlock,
};
