// One small input per block construct, with the pseudo-XML docutils produces
// for it (checked against docutils; docutils 1.0 message levels).
import { describe, expect, it } from "vitest";
import { pformat } from "../pformat.ts";
import { parse } from "./parse.ts";

function px(rst: string): string {
  return pformat(parse(rst, { source: "test data" }));
}

const CASES: Array<[string, string, string]> = [
  [
    "section underline and overline",
    "=====\nTitle\n=====\n\nPara.\n\nSub\n---\n\nText.\n",
    "<document source=\"test data\">\n    <section ids=\"title\" names=\"title\">\n        <title>\n            Title\n        <paragraph>\n            Para.\n        <section ids=\"sub\" names=\"sub\">\n            <title>\n                Sub\n            <paragraph>\n                Text.\n",
  ],
  [
    "paragraph and expanded literal",
    "Paragraph:\n\n::\n\n    literal\n      kept\n\nAfter.\n",
    "<document source=\"test data\">\n    <paragraph>\n        Paragraph:\n    <literal_block xml:space=\"preserve\">\n        literal\n          kept\n    <paragraph>\n        After.\n",
  ],
  [
    "partially minimized literal",
    "Paragraph ::\n\n  literal\n",
    "<document source=\"test data\">\n    <paragraph>\n        Paragraph\n    <literal_block xml:space=\"preserve\">\n        literal\n",
  ],
  [
    "fully minimized literal",
    "Paragraph::\n\n  literal\n",
    "<document source=\"test data\">\n    <paragraph>\n        Paragraph:\n    <literal_block xml:space=\"preserve\">\n        literal\n",
  ],
  [
    "quoted literal",
    "Quote::\n\n> one\n> two\n\nAfter.\n",
    "<document source=\"test data\">\n    <paragraph>\n        Quote:\n    <literal_block xml:space=\"preserve\">\n        > one\n        > two\n    <paragraph>\n        After.\n",
  ],
  [
    "bullet list nested",
    "- one\n- two\n\n  - nested\n\n- three\n",
    "<document source=\"test data\">\n    <bullet_list bullet=\"-\">\n        <list_item>\n            <paragraph>\n                one\n        <list_item>\n            <paragraph>\n                two\n            <bullet_list bullet=\"-\">\n                <list_item>\n                    <paragraph>\n                        nested\n        <list_item>\n            <paragraph>\n                three\n",
  ],
  [
    "enumerated formats",
    "(a) first\n(b) second\n\ni) roman\nii) two\n\n#. auto\n#. auto\n",
    "<document source=\"test data\">\n    <enumerated_list enumtype=\"loweralpha\" prefix=\"(\" suffix=\")\">\n        <list_item>\n            <paragraph>\n                first\n        <list_item>\n            <paragraph>\n                second\n    <enumerated_list enumtype=\"lowerroman\" prefix=\"\" suffix=\")\">\n        <list_item>\n            <paragraph>\n                roman\n        <list_item>\n            <paragraph>\n                two\n    <enumerated_list enumtype=\"arabic\" prefix=\"\" suffix=\".\">\n        <list_item>\n            <paragraph>\n                auto\n        <list_item>\n            <paragraph>\n                auto\n",
  ],
  [
    "enumerated start",
    "3. three\n4. four\n",
    "<document source=\"test data\">\n    <enumerated_list enumtype=\"arabic\" prefix=\"\" start=\"3\" suffix=\".\">\n        <list_item>\n            <paragraph>\n                three\n        <list_item>\n            <paragraph>\n                four\n    <system_message level=\"1\" line=\"1\" source=\"test data\" type=\"INFO\">\n        <paragraph>\n            Enumerated list start value not ordinal-1: \"3\" (ordinal 3)\n",
  ],
  [
    "definition list with classifiers",
    "term : classifier one : two\n    Definition.\n\nother\n    More.\n",
    "<document source=\"test data\">\n    <definition_list>\n        <definition_list_item>\n            <term>\n                term\n            <classifier>\n                classifier one\n            <classifier>\n                two\n            <definition>\n                <paragraph>\n                    Definition.\n        <definition_list_item>\n            <term>\n                other\n            <definition>\n                <paragraph>\n                    More.\n",
  ],
  [
    "field list",
    ":Author: Me\n:Version: 1\n  continued\n",
    "<document source=\"test data\">\n    <field_list>\n        <field>\n            <field_name>\n                Author\n            <field_body>\n                <paragraph>\n                    Me\n        <field>\n            <field_name>\n                Version\n            <field_body>\n                <paragraph>\n                    1\n                    continued\n",
  ],
  [
    "option list",
    "-a         all\n--file=FILE  file option\n-x, --extra  extra\n/V  dos\n",
    "<document source=\"test data\">\n    <option_list>\n        <option_list_item>\n            <option_group>\n                <option>\n                    <option_string>\n                        -a\n            <description>\n                <paragraph>\n                    all\n        <option_list_item>\n            <option_group>\n                <option>\n                    <option_string>\n                        --file\n                    <option_argument delimiter=\"=\">\n                        FILE\n            <description>\n                <paragraph>\n                    file option\n        <option_list_item>\n            <option_group>\n                <option>\n                    <option_string>\n                        -x\n                <option>\n                    <option_string>\n                        --extra\n            <description>\n                <paragraph>\n                    extra\n        <option_list_item>\n            <option_group>\n                <option>\n                    <option_string>\n                        /V\n            <description>\n                <paragraph>\n                    dos\n",
  ],
  [
    "line block nested",
    "| one\n|    indented\n| back\n",
    "<document source=\"test data\">\n    <line_block>\n        <line>\n            one\n        <line_block>\n            <line>\n                indented\n        <line>\n            back\n",
  ],
  [
    "block quote with attribution",
    "Para.\n\n   Quoted text.\n\n   -- Author Name\n",
    "<document source=\"test data\">\n    <paragraph>\n        Para.\n    <block_quote>\n        <paragraph>\n            Quoted text.\n        <attribution>\n            Author Name\n",
  ],
  [
    "doctest",
    "Text.\n\n>>> print(1)\n1\n",
    "<document source=\"test data\">\n    <paragraph>\n        Text.\n    <doctest_block xml:space=\"preserve\">\n        >>> print(1)\n        1\n",
  ],
  [
    "grid table with spans",
    "+-----+-----+\n| a   | b   |\n+=====+=====+\n| c         |\n+-----+-----+\n| d   | e   |\n+     +-----+\n|     | f   |\n+-----+-----+\n",
    "<document source=\"test data\">\n    <table>\n        <tgroup cols=\"2\">\n            <colspec colwidth=\"5\">\n            <colspec colwidth=\"5\">\n            <thead>\n                <row>\n                    <entry>\n                        <paragraph>\n                            a\n                    <entry>\n                        <paragraph>\n                            b\n            <tbody>\n                <row>\n                    <entry morecols=\"1\">\n                        <paragraph>\n                            c\n                <row>\n                    <entry morerows=\"1\">\n                        <paragraph>\n                            d\n                    <entry>\n                        <paragraph>\n                            e\n                <row>\n                    <entry>\n                        <paragraph>\n                            f\n",
  ],
  [
    "simple table with header and span",
    "=====  =====\nA      B\n=====  =====\nspan across\n------------\nx      y\n=====  =====\n",
    "<document source=\"test data\">\n    <table>\n        <tgroup cols=\"2\">\n            <colspec colwidth=\"5\">\n            <colspec colwidth=\"5\">\n            <thead>\n                <row>\n                    <entry>\n                        <paragraph>\n                            A\n                    <entry>\n                        <paragraph>\n                            B\n            <tbody>\n                <row>\n                    <entry morecols=\"1\">\n                        <paragraph>\n                            span across\n                <row>\n                    <entry>\n                        <paragraph>\n                            x\n                    <entry>\n                        <paragraph>\n                            y\n",
  ],
  [
    "footnotes",
    ".. [1] Manual.\n.. [#] Auto.\n.. [#label] Labelled.\n.. [*] Symbol.\n",
    "<document source=\"test data\">\n    <footnote ids=\"footnote-1\" names=\"1\">\n        <label>\n            1\n        <paragraph>\n            Manual.\n    <footnote auto=\"1\" ids=\"footnote-2\">\n        <paragraph>\n            Auto.\n    <footnote auto=\"1\" ids=\"label\" names=\"label\">\n        <paragraph>\n            Labelled.\n    <footnote auto=\"*\" ids=\"footnote-3\">\n        <paragraph>\n            Symbol.\n",
  ],
  [
    "citation",
    ".. [CIT2002] A citation.\n",
    "<document source=\"test data\">\n    <citation ids=\"cit2002\" names=\"cit2002\">\n        <label>\n            CIT2002\n        <paragraph>\n            A citation.\n",
  ],
  [
    "targets",
    ".. _name: http://example.org/\n.. _indirect: name_\n.. __: http://anon.example/\n__ http://anon2.example/\n",
    "<document source=\"test data\">\n    <target ids=\"name\" names=\"name\" refuri=\"http://example.org/\">\n    <target ids=\"indirect\" names=\"indirect\" refname=\"name\">\n    <target anonymous=\"1\" ids=\"target-1\" refuri=\"http://anon.example/\">\n    <target anonymous=\"1\" ids=\"target-2\" refuri=\"http://anon2.example/\">\n",
  ],
  [
    "comments",
    "..\n\n.. a comment\n   continued\n",
    "<document source=\"test data\">\n    <comment xml:space=\"preserve\">\n    <comment xml:space=\"preserve\">\n        a comment\n        continued\n",
  ],
  [
    "unknown directive",
    ".. frobnicate:: arg\n   :opt: x\n\n   content\n",
    "<document source=\"test data\">\n    <system_message level=\"1\" line=\"1\" source=\"test data\" type=\"INFO\">\n        <paragraph>\n            No directive entry for \"frobnicate\" in module \"docutils.parsers.rst.languages.en\".\n            Trying \"frobnicate\" as canonical directive name.\n    <system_message level=\"3\" line=\"1\" source=\"test data\" type=\"ERROR\">\n        <paragraph>\n            Unknown directive type \"frobnicate\".\n        <literal_block xml:space=\"preserve\">\n            .. frobnicate:: arg\n               :opt: x\n            \n               content\n",
  ],
  [
    "transition",
    "Para.\n\n----------\n\nPara.\n",
    "<document source=\"test data\">\n    <paragraph>\n        Para.\n    <transition>\n    <paragraph>\n        Para.\n",
  ],
  [
    "unexpected indentation",
    "Para\n  indented\n",
    "<document source=\"test data\">\n    <definition_list>\n        <definition_list_item>\n            <term>\n                Para\n            <definition>\n                <paragraph>\n                    indented\n",
  ],
  [
    "block quote unindent warning",
    "   quote\nno blank\n",
    "<document source=\"test data\">\n    <block_quote>\n        <paragraph>\n            quote\n    <system_message level=\"2\" line=\"2\" source=\"test data\" type=\"WARNING\">\n        <paragraph>\n            Block quote ends without a blank line; unexpected unindent.\n    <paragraph>\n        no blank\n",
  ],
  [
    "bullet unindent warning",
    "- item\nno blank\n",
    "<document source=\"test data\">\n    <bullet_list bullet=\"-\">\n        <list_item>\n            <paragraph>\n                item\n    <system_message level=\"2\" line=\"2\" source=\"test data\" type=\"WARNING\">\n        <paragraph>\n            Bullet list ends without a blank line; unexpected unindent.\n    <paragraph>\n        no blank\n",
  ],
  [
    "title underline too short",
    "Title\n===\n\nLong title\n=====\n",
    "<document source=\"test data\">\n    <system_message level=\"1\" line=\"2\" source=\"test data\" type=\"INFO\">\n        <paragraph>\n            Possible title underline, too short for the title.\n            Treating it as ordinary text because it's so short.\n    <paragraph>\n        Title\n        ===\n    <section ids=\"long-title\" names=\"long\\ title\">\n        <title>\n            Long title\n        <system_message level=\"2\" line=\"5\" source=\"test data\" type=\"WARNING\">\n            <paragraph>\n                Title underline too short.\n            <literal_block xml:space=\"preserve\">\n                Long title\n                =====\n",
  ],
  [
    "incomplete title",
    "======\n Title\n",
    "<document source=\"test data\">\n    <system_message level=\"3\" line=\"1\" source=\"test data\" type=\"ERROR\">\n        <paragraph>\n            Incomplete section title.\n        <literal_block xml:space=\"preserve\">\n            ======\n             Title\n",
  ],
  [
    "enumerator not a list",
    "A. Einstein was a great influence on\nB. Physicist, who was a genius.\n",
    "<document source=\"test data\">\n    <enumerated_list enumtype=\"upperalpha\" prefix=\"\" suffix=\".\">\n        <list_item>\n            <paragraph>\n                Einstein was a great influence on\n        <list_item>\n            <paragraph>\n                Physicist, who was a genius.\n",
  ],
];

describe("block constructs", () => {
  for (const [name, rst, expected] of CASES) {
    it(name, () => {
      expect(px(rst)).toBe(expected);
    });
  }
});
