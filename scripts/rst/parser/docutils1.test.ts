// docutils 1.0 behaviours of the block parser: sections continue in the same
// machine (a title closes open subsections; a style may not skip a level),
// table error details, duplicate-name messages, substitution-definition
// checks and message line numbers. Expected doctrees reviewed by hand
// against the rules (and the behaviour seen in the conformance cases).
import { describe, expect, it } from "vitest";
import { pformat } from "../pformat.ts";
import { parse } from "./parse.ts";

const CASES: Array<[string, string, string]> = [
  [
    "a new title style may not skip a level",
    "Chapter\n=======\n\nSection\n-------\n\nNext chapter\n============\n\n~~~~~~~~~\nToo deep\n~~~~~~~~~\n\nText.\n",
    "<document source=\"test data\">\n    <section ids=\"chapter\" names=\"chapter\">\n        <title>\n            Chapter\n        <section ids=\"section\" names=\"section\">\n            <title>\n                Section\n    <section ids=\"next-chapter\" names=\"next\\ chapter\">\n        <title>\n            Next chapter\n        <system_message level=\"3\" line=\"11\" source=\"test data\" type=\"ERROR\">\n            <paragraph>\n                Inconsistent title style: skip from level 1 to 3.\n            <literal_block xml:space=\"preserve\">\n                ~~~~~~~~~\n                Too deep\n                ~~~~~~~~~\n            <paragraph>\n                Established title styles: = -\n        <paragraph>\n            Text.\n",
  ],
  [
    "a sibling title closes the open subsections",
    "One\n===\n\nOne.a\n-----\n\nTwo\n===\n\nBody.\n",
    "<document source=\"test data\">\n    <section ids=\"one\" names=\"one\">\n        <title>\n            One\n        <section ids=\"one-a\" names=\"one.a\">\n            <title>\n                One.a\n    <section ids=\"two\" names=\"two\">\n        <title>\n            Two\n        <paragraph>\n            Body.\n",
  ],
  [
    "a short overline is treated as text",
    "--\n\nPara\n\n***\nToo short\n***\n",
    "<document source=\"test data\">\n    <paragraph>\n        --\n    <paragraph>\n        Para\n    <system_message level=\"1\" line=\"5\" source=\"test data\" type=\"INFO\">\n        <paragraph>\n            Possible incomplete section title.\n            Treating the overline as ordinary text because it's so short.\n    <paragraph>\n        <strong>\n            *\n            Too short\n            *\n",
  ],
  [
    "duplicate explicit targets warn without backrefs",
    ".. _dup:\n\nFirst.\n\n.. _dup:\n\nSecond.\n",
    "<document source=\"test data\">\n    <target dupnames=\"dup\" ids=\"dup\">\n    <paragraph>\n        First.\n    <system_message level=\"2\" line=\"5\" source=\"test data\" type=\"WARNING\">\n        <paragraph>\n            Duplicate explicit target name: \"dup\".\n    <target dupnames=\"dup\" ids=\"dup-1\">\n    <paragraph>\n        Second.\n",
  ],
  [
    "an explicit target overrides a section name",
    "Intro\n=====\n\n.. _intro:\n\nText.\n",
    "<document source=\"test data\">\n    <section dupnames=\"intro\" ids=\"intro\">\n        <title>\n            Intro\n        <system_message level=\"1\" line=\"4\" source=\"test data\" type=\"INFO\">\n            <paragraph>\n                Target name overrides implicit target name \"intro\".\n        <target ids=\"intro-1\" names=\"intro\">\n        <paragraph>\n            Text.\n",
  ],
  [
    "same URI twice is only reported",
    ".. _site: http://example.org/\n.. _site: http://example.org/\n",
    "<document source=\"test data\">\n    <target ids=\"site\" names=\"site\" refuri=\"http://example.org/\">\n    <system_message level=\"1\" line=\"2\" source=\"test data\" type=\"INFO\">\n        <paragraph>\n            Duplicate name \"site\" for external target \"http://example.org/\".\n    <target dupnames=\"site\" ids=\"site-1\" refuri=\"http://example.org/\">\n",
  ],
  [
    "grid table with a ragged right border",
    "+------+------+\n| one  | two |\n+------+------+\n",
    "<document source=\"test data\">\n    <system_message level=\"3\" line=\"2\" source=\"test data\" type=\"ERROR\">\n        <paragraph>\n            Malformed table.\n            Right border not aligned or missing.\n        <literal_block xml:space=\"preserve\">\n            +------+------+\n            | one  | two |\n            +------+------+\n",
  ],
  [
    "grid table without bottom border",
    "+------+\n| cell |\n| more |\n",
    "<document source=\"test data\">\n    <system_message level=\"3\" line=\"3\" source=\"test data\" type=\"ERROR\">\n        <paragraph>\n            Malformed table.\n            Bottom border missing or corrupt.\n        <literal_block xml:space=\"preserve\">\n            +------+\n            | cell |\n            | more |\n",
  ],
  [
    "simple table with a mismatched bottom border",
    "====  ====\nab    cd\n====  =====\n",
    "<document source=\"test data\">\n    <system_message level=\"3\" line=\"3\" source=\"test data\" type=\"ERROR\">\n        <paragraph>\n            Malformed table.\n            Bottom border or header rule does not match top border.\n        <literal_block xml:space=\"preserve\">\n            ====  ====\n            ab    cd\n            ====  =====\n",
  ],
  [
    "cells report lines of their own text",
    "=====  =====\nleft   Title\n       -----\n=====  =====\n",
    "<document source=\"test data\">\n    <table>\n        <tgroup cols=\"2\">\n            <colspec colwidth=\"5\">\n            <colspec colwidth=\"5\">\n            <tbody>\n                <row>\n                    <entry>\n                        <paragraph>\n                            left\n                    <entry>\n                        <system_message level=\"3\" line=\"3\" source=\"test data\" type=\"ERROR\">\n                            <paragraph>\n                                Unexpected section title.\n                            <literal_block xml:space=\"preserve\">\n                                Title\n                                -----\n",
  ],
  [
    "substitution definitions refuse targets and anonymous references",
    ".. |t| replace:: _`inline target`\n.. |a| replace:: link__\n",
    "<document source=\"test data\">\n    <system_message level=\"3\" line=\"1\" source=\"test data\" type=\"ERROR\">\n        <paragraph>\n            Targets (names and identifiers) are not supported in a substitution definition.\n        <literal_block xml:space=\"preserve\">\n            .. |t| replace:: _`inline target`\n    <system_message level=\"3\" line=\"2\" source=\"test data\" type=\"ERROR\">\n        <paragraph>\n            Anonymous references are not supported in a substitution definition.\n        <literal_block xml:space=\"preserve\">\n            .. |a| replace:: link__\n",
  ],
  [
    "enumerated list start value info at the list's line",
    "Text.\n\n5. five\n6. six\n",
    "<document source=\"test data\">\n    <paragraph>\n        Text.\n    <enumerated_list enumtype=\"arabic\" prefix=\"\" start=\"5\" suffix=\".\">\n        <list_item>\n            <paragraph>\n                five\n        <list_item>\n            <paragraph>\n                six\n    <system_message level=\"1\" line=\"3\" source=\"test data\" type=\"INFO\">\n        <paragraph>\n            Enumerated list start value not ordinal-1: \"5\" (ordinal 5)\n",
  ],
  [
    "a citation without content",
    ".. [CIT]\n\nText.\n",
    "<document source=\"test data\">\n    <citation ids=\"cit\" names=\"cit\">\n        <label>\n            CIT\n        <system_message level=\"2\" line=\"2\" source=\"test data\" type=\"WARNING\">\n            <paragraph>\n                Citation content expected.\n    <paragraph>\n        Text.\n",
  ],
];

describe("docutils 1.0 parser behaviour", () => {
  for (const [name, rst, expected] of CASES) {
    it(name, () => {
      expect(pformat(parse(rst, { source: "test data" }))).toBe(expected);
    });
  }
});
