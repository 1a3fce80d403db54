// docutils 1.0 behaviours of the block parser: sections continue in the same
// machine (a title closes open subsections; a style may not skip a level),
// table error details, duplicate-name messages, substitution-definition
// checks and message line numbers. Expected doctrees reviewed by hand
// against the rules (and the behaviour seen in the conformance cases).
import { describe, expect, it } from "vitest";
import { pformat } from "../pformat.ts";
import { parse } from "../index.ts";

const CASES: Array<[string, string, string]> = [
  [
    "a new title style may not skip a level",
    "Chapter\n=======\n\nSection\n-------\n\nNext chapter\n============\n\n~~~~~~~~~\nToo deep\n~~~~~~~~~\n\nText.\n",
    `<document source="test data">
    <section ids="chapter" names="chapter">
        <title>
            Chapter
        <section ids="section" names="section">
            <title>
                Section
    <section ids="next-chapter" names="next\\ chapter">
        <title>
            Next chapter
        <system_message level="3" line="11" source="test data" type="ERROR">
            <paragraph>
                Inconsistent title style: skip from level 1 to 3.
            <literal_block xml:space="preserve">
                ~~~~~~~~~
                Too deep
                ~~~~~~~~~
            <paragraph>
                Established title styles: = -
        <paragraph>
            Text.
`,
  ],
  [
    "a sibling title closes the open subsections",
    "One\n===\n\nOne.a\n-----\n\nTwo\n===\n\nBody.\n",
    `<document source="test data">
    <section ids="one" names="one">
        <title>
            One
        <section ids="one-a" names="one.a">
            <title>
                One.a
    <section ids="two" names="two">
        <title>
            Two
        <paragraph>
            Body.
`,
  ],
  [
    "a short overline is treated as text",
    "--\n\nPara\n\n***\nToo short\n***\n",
    `<document source="test data">
    <paragraph>
        --
    <paragraph>
        Para
    <system_message level="1" line="5" source="test data" type="INFO">
        <paragraph>
            Possible incomplete section title.
            Treating the overline as ordinary text because it's so short.
    <paragraph>
        <strong>
            *
            Too short
            *
`,
  ],
  [
    "duplicate explicit targets warn without backrefs",
    ".. _dup:\n\nFirst.\n\n.. _dup:\n\nSecond.\n",
    `<document source="test data">
    <target dupnames="dup" ids="dup">
    <paragraph>
        First.
    <system_message level="2" line="5" source="test data" type="WARNING">
        <paragraph>
            Duplicate explicit target name: "dup".
    <target dupnames="dup" ids="dup-1">
    <paragraph>
        Second.
`,
  ],
  [
    "an explicit target overrides a section name",
    "Intro\n=====\n\n.. _intro:\n\nText.\n",
    `<document source="test data">
    <section dupnames="intro" ids="intro">
        <title>
            Intro
        <system_message level="1" line="4" source="test data" type="INFO">
            <paragraph>
                Target name overrides implicit target name "intro".
        <target ids="intro-1" names="intro">
        <paragraph>
            Text.
`,
  ],
  [
    "same URI twice is only reported",
    ".. _site: http://example.org/\n.. _site: http://example.org/\n",
    `<document source="test data">
    <target ids="site" names="site" refuri="http://example.org/">
    <system_message level="1" line="2" source="test data" type="INFO">
        <paragraph>
            Duplicate name "site" for external target "http://example.org/".
    <target dupnames="site" ids="site-1" refuri="http://example.org/">
`,
  ],
  [
    "grid table with a ragged right border",
    "+------+------+\n| one  | two |\n+------+------+\n",
    `<document source="test data">
    <system_message level="3" line="2" source="test data" type="ERROR">
        <paragraph>
            Malformed table.
            Right border not aligned or missing.
        <literal_block xml:space="preserve">
            +------+------+
            | one  | two |
            +------+------+
`,
  ],
  [
    "grid table without bottom border",
    "+------+\n| cell |\n| more |\n",
    `<document source="test data">
    <system_message level="3" line="3" source="test data" type="ERROR">
        <paragraph>
            Malformed table.
            Bottom border missing or corrupt.
        <literal_block xml:space="preserve">
            +------+
            | cell |
            | more |
`,
  ],
  [
    "simple table with a mismatched bottom border",
    "====  ====\nab    cd\n====  =====\n",
    `<document source="test data">
    <system_message level="3" line="3" source="test data" type="ERROR">
        <paragraph>
            Malformed table.
            Bottom border or header rule does not match top border.
        <literal_block xml:space="preserve">
            ====  ====
            ab    cd
            ====  =====
`,
  ],
  [
    "cells report lines of their own text",
    "=====  =====\nleft   Title\n       -----\n=====  =====\n",
    `<document source="test data">
    <table>
        <tgroup cols="2">
            <colspec colwidth="5">
            <colspec colwidth="5">
            <tbody>
                <row>
                    <entry>
                        <paragraph>
                            left
                    <entry>
                        <system_message level="3" line="3" source="test data" type="ERROR">
                            <paragraph>
                                Unexpected section title.
                            <literal_block xml:space="preserve">
                                Title
                                -----
`,
  ],
  [
    "substitution definitions refuse targets and anonymous references",
    ".. |t| replace:: _`inline target`\n.. |a| replace:: link__\n",
    `<document source="test data">
    <system_message level="3" line="1" source="test data" type="ERROR">
        <paragraph>
            Targets (names and identifiers) are not supported in a substitution definition.
        <literal_block xml:space="preserve">
            .. |t| replace:: _\`inline target\`
    <system_message level="3" line="2" source="test data" type="ERROR">
        <paragraph>
            Anonymous references are not supported in a substitution definition.
        <literal_block xml:space="preserve">
            .. |a| replace:: link__
`,
  ],
  [
    "enumerated list start value info at the list's line",
    "Text.\n\n5. five\n6. six\n",
    `<document source="test data">
    <paragraph>
        Text.
    <enumerated_list enumtype="arabic" prefix="" start="5" suffix=".">
        <list_item>
            <paragraph>
                five
        <list_item>
            <paragraph>
                six
    <system_message level="1" line="3" source="test data" type="INFO">
        <paragraph>
            Enumerated list start value not ordinal-1: "5" (ordinal 5)
`,
  ],
  [
    "a citation without content",
    ".. [CIT]\n\nText.\n",
    `<document source="test data">
    <citation ids="cit" names="cit">
        <label>
            CIT
        <system_message level="2" line="2" source="test data" type="WARNING">
            <paragraph>
                Citation content expected.
    <paragraph>
        Text.
`,
  ],
];

describe("docutils 1.0 parser behaviour", () => {
  for (const [name, rst, expected] of CASES) {
    it(name, () => {
      expect(pformat(parse(rst, { source: "test data" }))).toBe(expected);
    });
  }
});
