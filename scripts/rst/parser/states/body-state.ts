// What the rules of the Body state (../rules/) use of it: the shared services of
// every RST state, and the Body's own data. ./body.ts implements it; the rules
// depend on this type and not on the class, so that the Body state can list the
// rules without a circle.
import type { Element } from "../../nodes.ts";
import type { RSTState } from "./rst-state.ts";

/** How a field body is parsed (ExtensionOptions parses option values instead). */
export type FieldBodyParser = (indented: string[], offset: number, node: Element) => void;

export interface BodyState extends RSTState {
  /** EnumeratedList state data. */
  lastordinal: number;
  format: string;
  auto: boolean;
  parseFieldBody: FieldBodyParser;
  /** Block quotes from indented lines. */
  blockQuoteLines(lines: string[], offset: number): Element[];
  invalidInput(): never;
}
