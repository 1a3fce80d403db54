// How the parser splits a directive block into arguments, options and content,
// and the messages it gives (docutils' run_directive / parse_directive_block),
// using probe directives instead of the real registry.
import { describe, expect, it } from "vitest";
import { parse } from "../index.ts";
import { Element, Text } from "../nodes.ts";
import { pformat } from "../pformat.ts";
import { type DirectiveCall, type DirectiveDefinition, DirectiveError, type DirectiveRegistry } from "./context.ts";

function describeCall(call: DirectiveCall): Array<Element | Text> {
  const summary = [
    `name=${call.name}`,
    `args=${JSON.stringify(call.arguments)}`,
    `options=${JSON.stringify(call.options)}`,
    `content=${JSON.stringify(call.content)}`,
    `contentOffset=${call.contentOffset}`,
    `lineno=${call.lineno}`,
    `sub=${call.ctx.inSubstitutionDefinition}`,
  ].join(" ");
  // Inside a substitution definition only inline content is kept.
  if (call.ctx.inSubstitutionDefinition) return [new Text(summary)];
  return [new Element("paragraph", {}, [new Text(summary)])];
}

const integer = (v: string | null): number => {
  if (v === null || !/^-?\d+$/.test(v.trim())) throw new Error("invalid literal for int()");
  return parseInt(v, 10);
};

const PROBES: Record<string, DirectiveDefinition> = {
  probe: {
    requiredArguments: 1,
    optionalArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: { n: integer, flag: (v) => v, alt: (v) => v },
    hasContent: true,
    run: describeCall,
  },
  strict: {
    requiredArguments: 1,
    optionalArguments: 0,
    finalArgumentWhitespace: false,
    optionSpec: null,
    hasContent: false,
    run: describeCall,
  },
  plain: {
    requiredArguments: 0,
    optionalArguments: 0,
    finalArgumentWhitespace: false,
    optionSpec: null,
    hasContent: true,
    run: describeCall,
  },
  incl: {
    requiredArguments: 0,
    optionalArguments: 0,
    finalArgumentWhitespace: false,
    optionSpec: null,
    hasContent: false,
    run: (call) => {
      call.ctx.insertInput?.(["Inserted", "========", "", "Text with *bad", "", ".. [#] note"], "inc.rst");
      return [];
    },
  },
  broken: {
    requiredArguments: 0,
    optionalArguments: 0,
    finalArgumentWhitespace: false,
    optionSpec: null,
    hasContent: false,
    run: () => {
      throw new TypeError("oops");
    },
  },
  failing: {
    requiredArguments: 0,
    optionalArguments: 0,
    finalArgumentWhitespace: false,
    optionSpec: null,
    hasContent: true,
    run: () => {
      throw new DirectiveError(2, "Probe failure.");
    },
  },
};

const probeRegistry: DirectiveRegistry = (name: string) => {
  const key = name.toLowerCase();
  const definition = PROBES[key];
  return {
    definition,
    info: definition
      ? null
      : `No directive entry for "${name}" in module "docutils.parsers.rst.languages.en".\nTrying "${name}" as canonical directive name.`,
  };
};

function px(rst: string): string {
  return pformat(parse(rst, { source: "test data", directives: probeRegistry }));
}

describe("directive blocks", () => {
  it("splits arguments, options and content", () => {
    expect(px(".. probe:: first second part\n   :n: 3\n   :flag:\n\n   Content line.\n   More.\n")).toBe(
      `<document source="test data">
    <paragraph>
        name=probe args=["first","second part"] options={"n":3,"flag":null} content=["Content line.","More."] contentOffset=4 lineno=1 sub=false
`,
    );
  });

  it("treats a block without arguments or options as content", () => {
    expect(px("Text.\n\n.. plain:: Content on the\n   directive line.\n")).toContain(
      'args=[] options={} content=["Content on the","directive line."] contentOffset=2 lineno=3',
    );
  });

  it("reports missing and surplus arguments", () => {
    const missing = px(".. probe::\n");
    expect(missing).toContain('Error in "probe" directive:\n            1 argument(s) required, 0 supplied.');
    const surplus = px(".. strict:: one two\n");
    expect(surplus).toContain("maximum 1 argument(s) allowed, 2 supplied.");
    expect(surplus).toContain('<literal_block xml:space="preserve">\n            .. strict:: one two');
  });

  it("reports bad options", () => {
    expect(px(".. probe:: a\n   :bogus: 1\n")).toContain('unknown option: "bogus".');
    expect(px(".. probe:: a\n   :n: x\n")).toContain(`invalid option value: (option: "n"; value: 'x')\n            invalid literal for int().`);
    expect(px(".. probe:: a\n   :n: 1\n   :n: 2\n")).toContain('invalid option data: duplicate option "n".');
  });

  it("refuses content where none is permitted", () => {
    expect(px(".. strict:: arg\n\n   Some content.\n")).toContain("no content permitted.");
  });

  it("turns DirectiveError into a message with the block text", () => {
    expect(px(".. failing:: x\n")).toBe(
      `<document source="test data">
    <system_message level="2" line="1" source="test data" type="WARNING">
        <paragraph>
            Probe failure.
        <literal_block xml:space="preserve">
            .. failing:: x
`,
    );
  });

  it("turns an unexpected exception in a directive into a SEVERE message", () => {
    const out = px(".. broken::\n\nAfter.\n");
    expect(out).toContain('<system_message level="4" line="1" source="test data" type="SEVERE">');
    expect(out).toContain('Internal error in the "broken" directive: oops');
    expect(out).toContain("After.");
  });

  it("reports unknown directives with the lookup INFO first", () => {
    expect(px(".. nosuch:: arg\n   more\n")).toBe(
      `<document source="test data">
    <system_message level="1" line="1" source="test data" type="INFO">
        <paragraph>
            No directive entry for "nosuch" in module "docutils.parsers.rst.languages.en".
            Trying "nosuch" as canonical directive name.
    <system_message level="3" line="1" source="test data" type="ERROR">
        <paragraph>
            Unknown directive type "nosuch".
        <literal_block xml:space="preserve">
            .. nosuch:: arg
               more
`,
    );
  });

  it("parses inserted input in place: sections join, messages name the included file", () => {
    expect(px("Main\n====\n\n.. incl::\n\nAfter the inclusion.\n")).toBe(
      `<document source="test data">
    <section ids="main" names="main">
        <title>
            Main
    <section ids="inserted" names="inserted">
        <title>
            Inserted
        <paragraph>
            Text with 
            <problematic ids="problematic-1" refid="system-message-1">
                *
            bad
        <system_message backrefs="problematic-1" ids="system-message-1" level="2" line="4" source="inc.rst" type="WARNING">
            <paragraph>
                Inline emphasis start-string without end-string.
        <footnote auto="1" ids="footnote-1">
            <paragraph>
                note
        <paragraph>
            After the inclusion.
`,
    );
  });

  it("runs the directive of a substitution definition with the alt preset and the flag set", () => {
    const out = px(".. |name| probe:: arg\n");
    expect(out).toContain('<substitution_definition names="name">');
    expect(out).toContain('options={"alt":"name"}');
    expect(out).toContain("sub=true");
  });
});
