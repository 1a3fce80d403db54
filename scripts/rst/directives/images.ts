// Images and figures (docutils' directives/images.py).
import { fullyNormalizeName, pySplit, whitespaceNormalizeName } from "../ids.ts";
import { Element, type Node, Text } from "../nodes.ts";
import type { DirectiveCall, OptionConverter } from "../parser/context.ts";
import { EXPLICIT } from "../parser/patterns.ts";
import { escapeToNull, unescapeNull } from "../parser/inline/escape.ts";
import {
  choice,
  classOption,
  lengthOrPercentageOrUnitless,
  lengthOrPercentageOrUnitlessOption,
  lengthOrUnitless,
  percentage,
  unchanged,
  unchangedRequired,
  uriValue,
} from "../options.ts";
import { addName, applyAttributes, attributesFrom, directive, error, literalBlock, place } from "./util.ts";

const ALIGN_H = ["left", "center", "right"];
const ALIGN_V = ["top", "middle", "bottom"];
const ALIGN_ALL = [...ALIGN_V, ...ALIGN_H];

const IMAGE_OPTIONS: Record<string, OptionConverter> = {
  alt: unchanged,
  height: lengthOrUnitless,
  width: lengthOrPercentageOrUnitlessOption,
  scale: percentage,
  align: (v) => choice(v, ALIGN_ALL),
  target: unchangedRequired,
  class: classOption,
  name: unchanged,
  loading: (v) => choice(v, ["embed", "link", "lazy"]),
};

/**
 * What a hyperlink target block points at (docutils' parse_target): a reference
 * name when it ends with "_" and is a reference, else a URI.
 */
export function parseTarget(block: string[]): { type: "refname" | "refuri"; value: string } {
  const last = block.length ? block[block.length - 1].trim() : "";
  if (last.endsWith("_")) {
    const reference = block.map((l) => l.trim()).join(" ");
    const m = EXPLICIT.reference.exec(whitespaceNormalizeName(reference));
    if (m) return { type: "refname", value: unescapeNull(m.groups?.simple ?? m.groups?.phrase ?? "") };
  }
  const parts = block.join(" ").split(/\x00[ \n]/);
  return { type: "refuri", value: parts.map((p) => pySplit(unescapeNull(p)).join("")).join(" ") };
}

function runImage(call: DirectiveCall): Element[] {
  const options = call.options;
  if ("align" in options) {
    const align = String(options.align);
    if (call.ctx.inSubstitutionDefinition) {
      if (!ALIGN_V.includes(align)) {
        throw error(
          `Error in "${call.name}" directive: "${align}" is not a valid value for the "align" option within a substitution definition.  Valid values for "align" are: "${ALIGN_V.join('", "')}".`,
        );
      }
    } else if (!ALIGN_H.includes(align)) {
      throw error(
        `Error in "${call.name}" directive: "${align}" is not a valid value for the "align" option.  Valid values for "align" are: "${ALIGN_H.join('", "')}".`,
      );
    }
  }
  let reference: Element | null = null;
  if (typeof options.target === "string") {
    const block = escapeToNull(options.target).split(/\r\n|\n|\r/);
    const target = parseTarget(block);
    if (target.type === "refuri") {
      reference = new Element("reference", { refuri: target.value });
    } else {
      reference = new Element("reference", { refname: fullyNormalizeName(target.value) });
      reference.indirectReferenceName = target.value;
      call.ctx.document.noteRefname(reference);
    }
  }
  const image = new Element("image");
  image.rawsource = call.blockText;
  applyAttributes(image, attributesFrom(options, ["target"]));
  image.set("uri", uriValue(call.arguments[0]));
  place(call, image, call.lineno);
  addName(call, image);
  if (reference) {
    reference.append(image);
    return [reference];
  }
  return [image];
}

export const IMAGE_DIRECTIVES = {
  image: directive({
    requiredArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: IMAGE_OPTIONS,
    run: runImage,
  }),
  figure: directive({
    requiredArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: {
      ...IMAGE_OPTIONS,
      align: (v) => choice(v, ALIGN_H),
      figwidth: (v) => (v !== null && v.toLowerCase() === "image" ? "image" : lengthOrPercentageOrUnitless(v, "px")),
      figclass: classOption,
      figname: unchanged,
    },
    hasContent: true,
    run(call): Node[] {
      const { figwidth, figclass, align, figname, ...imageOptions } = call.options;
      const [imageNode] = runImage({ ...call, options: imageOptions });
      const figure = new Element("figure", {}, [imageNode]);
      if (typeof figwidth === "string" && figwidth !== "image") figure.set("width", figwidth);
      if (Array.isArray(figclass)) figure.classes.push(...(figclass as string[]));
      if (typeof align === "string") figure.set("align", align);
      if (typeof figname === "string") addName({ ...call, options: { name: figname } }, figure);
      if (call.content.length) {
        const container = new Element("container");
        call.ctx.nestedParse(call.content, call.contentOffset, container);
        // Detached all at once (moving children one by one would cost time per child).
        const parsed = container.clearChildren();
        // Class pending nodes and targets before the caption stay in front of it.
        let k = 0;
        while (parsed[k] instanceof Element && ["pending", "target"].includes((parsed[k] as Element).tagname)) k++;
        figure.extend(parsed.slice(0, k));
        const first = parsed[k];
        if (first instanceof Element && first.tagname === "paragraph") {
          const caption = new Element("caption", {}, first.clearChildren());
          caption.rawsource = first.rawsource;
          caption.source = first.source;
          caption.line = first.line;
          figure.append(caption);
        } else if (!(first instanceof Element && first.tagname === "comment" && first.length === 0)) {
          const message = call.ctx.reporter.error(
            "Figure caption must be a paragraph or empty comment.",
            [literalBlock(call.blockText)],
            { line: call.lineno },
          );
          return [figure, message];
        }
        if (parsed.length > k + 1) figure.append(new Element("legend", {}, parsed.slice(k + 1)));
      } else {
        const hint = new Element("paragraph", {}, [new Text('Try the "image" directive (or cheat with an empty comment).')]);
        const message = call.ctx.reporter.warning("Figure without caption and legend.", [hint], { line: call.lineno });
        return [figure, message];
      }
      return [figure];
    },
  }),
};
