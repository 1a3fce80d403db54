// One small input per block construct, with the pseudo-XML docutils produces
// for it (checked against docutils; docutils 1.0 message levels).
import { describe, expect, it } from "vitest";
import { pformat } from "../pformat.ts";
import { parse } from "../index.ts";

function px(rst: string): string {
  return pformat(parse(rst, { source: "test data" }));
}

const CASES: Array<[string, string, string]> = [
  [
    "section underline and overline",
    "=====\nTitle\n=====\n\nPara.\n\nSub\n---\n\nText.\n",
    `<document source="test data">
    <section ids="title" names="title">
        <title>
            Title
        <paragraph>
            Para.
        <section ids="sub" names="sub">
            <title>
                Sub
            <paragraph>
                Text.
`,
  ],
  [
    "paragraph and expanded literal",
    "Paragraph:\n\n::\n\n    literal\n      kept\n\nAfter.\n",
    `<document source="test data">
    <paragraph>
        Paragraph:
    <literal_block xml:space="preserve">
        literal
          kept
    <paragraph>
        After.
`,
  ],
  [
    "partially minimized literal",
    "Paragraph ::\n\n  literal\n",
    `<document source="test data">
    <paragraph>
        Paragraph
    <literal_block xml:space="preserve">
        literal
`,
  ],
  [
    "fully minimized literal",
    "Paragraph::\n\n  literal\n",
    `<document source="test data">
    <paragraph>
        Paragraph:
    <literal_block xml:space="preserve">
        literal
`,
  ],
  [
    "quoted literal",
    "Quote::\n\n> one\n> two\n\nAfter.\n",
    `<document source="test data">
    <paragraph>
        Quote:
    <literal_block xml:space="preserve">
        > one
        > two
    <paragraph>
        After.
`,
  ],
  [
    "bullet list nested",
    "- one\n- two\n\n  - nested\n\n- three\n",
    `<document source="test data">
    <bullet_list bullet="-">
        <list_item>
            <paragraph>
                one
        <list_item>
            <paragraph>
                two
            <bullet_list bullet="-">
                <list_item>
                    <paragraph>
                        nested
        <list_item>
            <paragraph>
                three
`,
  ],
  [
    "enumerated formats",
    "(a) first\n(b) second\n\ni) roman\nii) two\n\n#. auto\n#. auto\n",
    `<document source="test data">
    <enumerated_list enumtype="loweralpha" prefix="(" suffix=")">
        <list_item>
            <paragraph>
                first
        <list_item>
            <paragraph>
                second
    <enumerated_list enumtype="lowerroman" prefix="" suffix=")">
        <list_item>
            <paragraph>
                roman
        <list_item>
            <paragraph>
                two
    <enumerated_list enumtype="arabic" prefix="" suffix=".">
        <list_item>
            <paragraph>
                auto
        <list_item>
            <paragraph>
                auto
`,
  ],
  [
    "enumerated start",
    "3. three\n4. four\n",
    `<document source="test data">
    <enumerated_list enumtype="arabic" prefix="" start="3" suffix=".">
        <list_item>
            <paragraph>
                three
        <list_item>
            <paragraph>
                four
    <system_message level="1" line="1" source="test data" type="INFO">
        <paragraph>
            Enumerated list start value not ordinal-1: "3" (ordinal 3)
`,
  ],
  [
    "definition list with classifiers",
    "term : classifier one : two\n    Definition.\n\nother\n    More.\n",
    `<document source="test data">
    <definition_list>
        <definition_list_item>
            <term>
                term
            <classifier>
                classifier one
            <classifier>
                two
            <definition>
                <paragraph>
                    Definition.
        <definition_list_item>
            <term>
                other
            <definition>
                <paragraph>
                    More.
`,
  ],
  [
    "field list",
    ":Author: Me\n:Version: 1\n  continued\n",
    `<document source="test data">
    <field_list>
        <field>
            <field_name>
                Author
            <field_body>
                <paragraph>
                    Me
        <field>
            <field_name>
                Version
            <field_body>
                <paragraph>
                    1
                    continued
`,
  ],
  [
    "option list",
    "-a         all\n--file=FILE  file option\n-x, --extra  extra\n/V  dos\n",
    `<document source="test data">
    <option_list>
        <option_list_item>
            <option_group>
                <option>
                    <option_string>
                        -a
            <description>
                <paragraph>
                    all
        <option_list_item>
            <option_group>
                <option>
                    <option_string>
                        --file
                    <option_argument delimiter="=">
                        FILE
            <description>
                <paragraph>
                    file option
        <option_list_item>
            <option_group>
                <option>
                    <option_string>
                        -x
                <option>
                    <option_string>
                        --extra
            <description>
                <paragraph>
                    extra
        <option_list_item>
            <option_group>
                <option>
                    <option_string>
                        /V
            <description>
                <paragraph>
                    dos
`,
  ],
  [
    "line block nested",
    "| one\n|    indented\n| back\n",
    `<document source="test data">
    <line_block>
        <line>
            one
        <line_block>
            <line>
                indented
        <line>
            back
`,
  ],
  [
    "block quote with attribution",
    "Para.\n\n   Quoted text.\n\n   -- Author Name\n",
    `<document source="test data">
    <paragraph>
        Para.
    <block_quote>
        <paragraph>
            Quoted text.
        <attribution>
            Author Name
`,
  ],
  [
    "doctest",
    "Text.\n\n>>> print(1)\n1\n",
    `<document source="test data">
    <paragraph>
        Text.
    <doctest_block xml:space="preserve">
        >>> print(1)
        1
`,
  ],
  [
    "grid table with spans",
    "+-----+-----+\n| a   | b   |\n+=====+=====+\n| c         |\n+-----+-----+\n| d   | e   |\n+     +-----+\n|     | f   |\n+-----+-----+\n",
    `<document source="test data">
    <table>
        <tgroup cols="2">
            <colspec colwidth="5">
            <colspec colwidth="5">
            <thead>
                <row>
                    <entry>
                        <paragraph>
                            a
                    <entry>
                        <paragraph>
                            b
            <tbody>
                <row>
                    <entry morecols="1">
                        <paragraph>
                            c
                <row>
                    <entry morerows="1">
                        <paragraph>
                            d
                    <entry>
                        <paragraph>
                            e
                <row>
                    <entry>
                        <paragraph>
                            f
`,
  ],
  [
    "simple table with header and span",
    "=====  =====\nA      B\n=====  =====\nspan across\n------------\nx      y\n=====  =====\n",
    `<document source="test data">
    <table>
        <tgroup cols="2">
            <colspec colwidth="5">
            <colspec colwidth="5">
            <thead>
                <row>
                    <entry>
                        <paragraph>
                            A
                    <entry>
                        <paragraph>
                            B
            <tbody>
                <row>
                    <entry morecols="1">
                        <paragraph>
                            span across
                <row>
                    <entry>
                        <paragraph>
                            x
                    <entry>
                        <paragraph>
                            y
`,
  ],
  [
    "footnotes",
    ".. [1] Manual.\n.. [#] Auto.\n.. [#label] Labelled.\n.. [*] Symbol.\n",
    `<document source="test data">
    <footnote ids="footnote-1" names="1">
        <label>
            1
        <paragraph>
            Manual.
    <footnote auto="1" ids="footnote-2">
        <paragraph>
            Auto.
    <footnote auto="1" ids="label" names="label">
        <paragraph>
            Labelled.
    <footnote auto="*" ids="footnote-3">
        <paragraph>
            Symbol.
`,
  ],
  [
    "citation",
    ".. [CIT2002] A citation.\n",
    `<document source="test data">
    <citation ids="cit2002" names="cit2002">
        <label>
            CIT2002
        <paragraph>
            A citation.
`,
  ],
  [
    "targets",
    ".. _name: http://example.org/\n.. _indirect: name_\n.. __: http://anon.example/\n__ http://anon2.example/\n",
    `<document source="test data">
    <target ids="name" names="name" refuri="http://example.org/">
    <target ids="indirect" names="indirect" refname="name">
    <target anonymous="1" ids="target-1" refuri="http://anon.example/">
    <target anonymous="1" ids="target-2" refuri="http://anon2.example/">
`,
  ],
  [
    "comments",
    "..\n\n.. a comment\n   continued\n",
    `<document source="test data">
    <comment xml:space="preserve">
    <comment xml:space="preserve">
        a comment
        continued
`,
  ],
  [
    "unknown directive",
    ".. frobnicate:: arg\n   :opt: x\n\n   content\n",
    `<document source="test data">
    <system_message level="1" line="1" source="test data" type="INFO">
        <paragraph>
            No directive entry for "frobnicate" in module "docutils.parsers.rst.languages.en".
            Trying "frobnicate" as canonical directive name.
    <system_message level="3" line="1" source="test data" type="ERROR">
        <paragraph>
            Unknown directive type "frobnicate".
        <literal_block xml:space="preserve">
            .. frobnicate:: arg
               :opt: x
            
               content
`,
  ],
  [
    "transition",
    "Para.\n\n----------\n\nPara.\n",
    `<document source="test data">
    <paragraph>
        Para.
    <transition>
    <paragraph>
        Para.
`,
  ],
  [
    "unexpected indentation",
    "Para\n  indented\n",
    `<document source="test data">
    <definition_list>
        <definition_list_item>
            <term>
                Para
            <definition>
                <paragraph>
                    indented
`,
  ],
  [
    "block quote unindent warning",
    "   quote\nno blank\n",
    `<document source="test data">
    <block_quote>
        <paragraph>
            quote
    <system_message level="2" line="2" source="test data" type="WARNING">
        <paragraph>
            Block quote ends without a blank line; unexpected unindent.
    <paragraph>
        no blank
`,
  ],
  [
    "bullet unindent warning",
    "- item\nno blank\n",
    `<document source="test data">
    <bullet_list bullet="-">
        <list_item>
            <paragraph>
                item
    <system_message level="2" line="2" source="test data" type="WARNING">
        <paragraph>
            Bullet list ends without a blank line; unexpected unindent.
    <paragraph>
        no blank
`,
  ],
  [
    "title underline too short",
    "Title\n===\n\nLong title\n=====\n",
    `<document source="test data">
    <system_message level="1" line="2" source="test data" type="INFO">
        <paragraph>
            Possible title underline, too short for the title.
            Treating it as ordinary text because it's so short.
    <paragraph>
        Title
        ===
    <section ids="long-title" names="long\\ title">
        <title>
            Long title
        <system_message level="2" line="5" source="test data" type="WARNING">
            <paragraph>
                Title underline too short.
            <literal_block xml:space="preserve">
                Long title
                =====
`,
  ],
  [
    "incomplete title",
    "======\n Title\n",
    `<document source="test data">
    <system_message level="3" line="1" source="test data" type="ERROR">
        <paragraph>
            Incomplete section title.
        <literal_block xml:space="preserve">
            ======
             Title
`,
  ],
  [
    "enumerator not a list",
    "A. Einstein was a great influence on\nB. Physicist, who was a genius.\n",
    `<document source="test data">
    <enumerated_list enumtype="upperalpha" prefix="" suffix=".">
        <list_item>
            <paragraph>
                Einstein was a great influence on
        <list_item>
            <paragraph>
                Physicist, who was a genius.
`,
  ],
];

describe("block constructs", () => {
  for (const [name, rst, expected] of CASES) {
    it(name, () => {
      expect(px(rst)).toBe(expected);
    });
  }
});
