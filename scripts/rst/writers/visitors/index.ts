// The visitor table: one entry per doctree node type (docutils' visit_*/depart_*).
import type { VisitorTable } from "../writer.ts";
import { blockVisitors } from "./blocks.ts";
import { docinfoVisitors } from "./docinfo.ts";
import { imageVisitors } from "./images.ts";
import { inlineVisitors } from "./inline.ts";
import { listVisitors } from "./lists.ts";
import { literalVisitors } from "./literal.ts";
import { noteVisitors } from "./notes.ts";
import { referenceVisitors } from "./references.ts";
import { sectionVisitors } from "./sections.ts";
import { systemMessageVisitors } from "./system-messages.ts";
import { tableVisitors } from "./tables.ts";

export const VISITORS: VisitorTable = {
  ...sectionVisitors,
  ...blockVisitors,
  ...listVisitors,
  ...tableVisitors,
  ...noteVisitors,
  ...referenceVisitors,
  ...inlineVisitors,
  ...imageVisitors,
  ...literalVisitors,
  ...docinfoVisitors,
  ...systemMessageVisitors,
};
