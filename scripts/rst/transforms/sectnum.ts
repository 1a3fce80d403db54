// parts.SectNum (pending, priority 710; the `sectnum` directive): prefixes section
// titles with their numbers ("1.2.   ") in a `generated` node, to the given depth.
import type { Document } from "../document.ts";
import { Element, Text } from "../nodes.ts";

export function sectNum(document: Document, pending: Element): void {
  const details = pending.details ?? {};
  const maxdepth = typeof details.depth === "number" ? details.depth : Infinity;
  const startvalue = typeof details.start === "number" ? details.start : 1;
  const prefix = typeof details.prefix === "string" ? details.prefix : "";
  const suffix = typeof details.suffix === "string" ? details.suffix : "";
  pending.remove();
  if (document.settings.sectnumXform === false) {
    document.settings.sectnumDepth = maxdepth;
    document.settings.sectnumStart = startvalue;
    document.settings.sectnumPrefix = prefix;
    document.settings.sectnumSuffix = suffix;
    return;
  }
  // Iterative walk over sections: [container, number prefix, depth].
  const stack: Array<[Element, string[], number]> = [[document, [], 1]];
  while (stack.length) {
    const [node, numbers, depth] = stack.pop()!;
    let sectnum = numbers.length ? 1 : startvalue;
    const work: Array<[Element, string[], number]> = [];
    for (const child of node.children) {
      if (!(child instanceof Element) || child.tagname !== "section") continue;
      const nums = [...numbers, String(sectnum)];
      const title = child.children[0];
      if (!(title instanceof Element)) continue;
      const generated = new Element("generated", { classes: ["sectnum"] }, [
        new Text(prefix + nums.join(".") + suffix + "\u00a0\u00a0\u00a0"),
      ]);
      title.insert(0, generated);
      title.set("auto", 1);
      if (depth < maxdepth) work.push([child, nums, depth + 1]);
      sectnum++;
    }
    for (let i = work.length - 1; i >= 0; i--) stack.push(work[i]);
  }
}
