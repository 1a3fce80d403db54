import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pformat } from "../pformat.ts";
import { Element, Text } from "../nodes.ts";
import { parseAttributes, parsePyLiteral, readPseudoXml, splitListValue } from "./pseudoxml-reader.ts";
import { readCases } from "./run-cases.ts";

describe("pseudo-XML reader", () => {
  it("reads elements, attributes and text", () => {
    const src = '<document source="test data">\n    <paragraph classes="a b">\n        Hello\n        <emphasis>\n            world\n        !\n';
    const doc = readPseudoXml(src);
    const p = doc.children[0] as Element;
    expect(p.tagname).toBe("paragraph");
    expect(p.classes).toEqual(["a", "b"]);
    expect(p.children.map((c) => c.tagname)).toEqual(["#text", "emphasis", "#text"]);
    expect(pformat(doc)).toBe(src);
  });

  it("undoes serial_escape in list attributes", () => {
    expect(splitListValue("a\\ b c\\\\d")).toEqual(["a b", "c\\d"]);
  });

  it("splits attribute values that contain quotes and spaces", () => {
    expect(parseAttributes(' alt="say "hi" now" uri="x.png"')).toEqual([
      ["alt", 'say "hi" now'],
      ["uri", "x.png"],
    ]);
  });

  it("reads numbers where docutils stores ints", () => {
    const doc = readPseudoXml('<document source="s">\n    <section>\n        <title>\n            T\n    <system_message level="2" line="4" source="s" type="WARNING">\n');
    const msg = doc.children[1] as Element;
    expect(msg.get("level")).toBe(2);
    expect(msg.get("line")).toBe(4);
  });

  it("reads pending nodes' internal attributes", () => {
    const doc = readPseudoXml(
      '<document source="s">\n    <pending>\n        .. internal attributes:\n             .transform: docutils.transforms.parts.Contents\n             .details:\n               depth: 2\n               local: None\n',
    );
    const pending = doc.children[0] as Element;
    expect(pending.transform).toBe("docutils.transforms.parts.Contents");
    expect(pending.details).toEqual({ depth: 2, local: null });
    expect(doc.pending).toHaveLength(1);
    expect(doc.pending[0].priority).toBe(720);
  });

  it("parses Python literals", () => {
    expect(parsePyLiteral("['a', \"b'c\"]")).toEqual(["a", "b'c"]);
    expect(parsePyLiteral("None")).toBe(null);
    expect(parsePyLiteral("'x\\ny'")).toBe("x\ny");
  });

  it("keeps blank lines inside text", () => {
    const src = '<document source="s">\n    <literal_block xml:space="preserve">\n        a\n        \n        b\n';
    const doc = readPseudoXml(src);
    expect(((doc.children[0] as Element).children[0] as Text).data).toBe("a\n\nb");
    expect(pformat(doc)).toBe(src);
  });

  it("rebuilds the name registries (explicit and implicit, duplicates)", () => {
    const doc = readPseudoXml(
      '<document source="s">\n    <section dupnames="x" ids="x">\n        <title>\n            X\n    <section dupnames="x" ids="x-1">\n        <title>\n            X\n    <target ids="t" names="t" refuri="u">\n    <paragraph>\n        <reference name="t" refname="t">\n            t\n',
    );
    expect(doc.nameids.get("x")).toBe(null);
    expect(doc.nametypes.get("x")).toBe(false);
    expect(doc.nameids.get("t")).toBe("t");
    expect(doc.nametypes.get("t")).toBe(true);
    expect(doc.refnames.get("t")).toHaveLength(1);
    expect(doc.idMap.get("x-1")?.tagname).toBe("section");
  });

  it("registers an indirect target under its refname only if it held its name when parsed", () => {
    const doc = readPseudoXml(
      '<document source="s">\n    <target dupnames="c" ids="c" refname="x">\n    <target dupnames="c" ids="c-1" refname="y">\n',
    );
    const [first, second] = doc.children as Element[];
    expect(doc.refnames.get("x")).toEqual([first]);
    expect(doc.refnames.get("y")).toBeUndefined();
    expect(doc.indirectTargets).toEqual([first, second]);
  });

  it("registers an embedded alias's target before its reference", () => {
    const doc = readPseudoXml(
      '<document source="s">\n    <paragraph>\n        <reference name="A" refname="b">\n            A\n        <target ids="a" names="a" refname="b">\n',
    );
    const p = doc.children[0] as Element;
    expect(doc.refnames.get("b")?.map((n) => n.tagname)).toEqual(["target", "reference"]);
    expect(p.children).toHaveLength(2);
  });

  const casesFile = resolve(process.cwd(), "../shared/rst-conformance/cases.jsonl");
  it.skipIf(!existsSync(casesFile))("round-trips every case's parser output through pformat", () => {
    if (!existsSync(casesFile)) {
      console.log(`skipped: ${casesFile} not found`);
      return;
    }
    const norm = (s: string) => s.split("\n").map((l) => l.trimEnd()).join("\n").trimEnd();
    let same = 0;
    const cases = readCases(casesFile);
    for (const c of cases) {
      const doc = readPseudoXml(c.parser_pseudoxml ?? "");
      if (norm(pformat(doc)) === norm(c.parser_pseudoxml ?? "")) same++;
    }
    expect(same / cases.length).toBeGreaterThan(0.99);
  });
});
