// Unit tests of the inline markup parser, one group per construct, written from
// the reStructuredText specification (restructuredtext.rst, "Inline Markup").
import { describe, expect, it } from "vitest";
import { Document } from "../../document.ts";
import { Text } from "../../nodes.ts";
import { parseInline } from "./index.ts";
import { expected, inlinePx, makeContext } from "./test-helpers.ts";

describe("emphasis and strong", () => {
  it("recognizes *emphasis* and **strong**", () => {
    expect(inlinePx("*em* and **strong**")).toBe(
      expected(`
        <paragraph>
            <emphasis>
                em
             and
            <strong>
                strong
      `),
    );
  });

  it("needs non-whitespace after the start-string and before the end-string", () => {
    expect(inlinePx("2 * x * y and a ** b **")).toBe(expected(`
      <paragraph>
          2 * x * y and a ** b **
    `));
    expect(inlinePx("*a *b*")).toBe(expected(`
      <paragraph>
          <emphasis>
              a *b
    `));
  });

  it("does not take a start-string between matching brackets or quotes (rule 5)", () => {
    expect(inlinePx("'*' \"*\" (*) <*> [*] {*} «*» „*“")).toBe(expected(`
      <paragraph>
          '*' "*" (*) <*> [*] {*} «*» „*“
    `));
  });

  it("requires whitespace or punctuation around the markup (rules 6 and 7)", () => {
    expect(inlinePx("2*x* a**b** *x*y")).toBe(expected(`
      <paragraph>
          2*x* a**b**
          <problematic ids="problematic-1" refid="system-message-1">
              *
          x*y
      <system_message backrefs="problematic-1" ids="system-message-1" level="2" line="1" source="test data" type="WARNING">
          <paragraph>
              Inline emphasis start-string without end-string.
    `));
  });

  it("accepts punctuation from the Unicode categories around markup", () => {
    expect(inlinePx("—*a*— «*b*»x")).toContain("<emphasis>\n            a");
    expect(inlinePx("(*a*), /*b*/")).toBe(expected(`
      <paragraph>
          (
          <emphasis>
              a
          ), /
          <emphasis>
              b
          /
    `));
  });

  it("reports a start-string without end-string with a problematic node", () => {
    expect(inlinePx("**open")).toBe(expected(`
      <paragraph>
          <problematic ids="problematic-1" refid="system-message-1">
              **
          open
      <system_message backrefs="problematic-1" ids="system-message-1" level="2" line="1" source="test data" type="WARNING">
          <paragraph>
              Inline strong start-string without end-string.
    `));
  });

  it("takes asterisks as content when they cannot end the markup", () => {
    expect(inlinePx("*****")).toBe(expected(`
      <paragraph>
          <strong>
              *
    `));
    expect(inlinePx("*this**.")).toBe(expected(`
      <paragraph>
          <emphasis>
              this*
          .
    `));
  });
});

describe("the specification's examples of the recognition rules", () => {
  it("recognizes no markup in terms that break rules 1, 3, 5 and 6", () => {
    const terms = [
      "2 * x  a ** b  (* BOM32_* ` `` _ __ |",
      "||",
      "\"*\" '|' (*) [*] {*} <*> ‘*’ ‚*‘ ‘*‚ ’*’ ‚*’ “*” „*“ “*„ ”*” „*” »*« ›*‹ «*» »*» ›*›",
      "2*x a**b O(N**2) e**(x*y) f(x)*f(y) a|b file*.* __init__ __init__()",
    ];
    for (const t of terms) {
      const [nodes, messages] = parseInline(t, 1, makeContext());
      expect(nodes.map((n) => n.tagname)).toEqual(["#text"]);
      expect(messages).toEqual([]);
    }
  });

  it("needs no escaping inside literals that break rules 2 and 7", () => {
    for (const content of ["*2 * x  *a **b *.rst*", "*2*x a**b O(N**2) e**(x*y) f(x)*f(y) a*(1+2)*"]) {
      const [nodes] = parseInline(`\`\`${content}\`\``, 1, makeContext());
      expect(nodes.length).toBe(1);
      expect(nodes[0].tagname).toBe("literal");
      expect(nodes[0].astext()).toBe(content);
    }
  });

  it("takes the unescaped terms the specification warns about as markup", () => {
    const [nodes, messages] = parseInline("*4, class_, *args, **kwargs, `TeX-quoted', *ML, *.rst", 1, makeContext());
    expect(nodes.some((n) => n.tagname === "reference")).toBe(true);
    expect(messages.length).toBeGreaterThan(0);
  });

  it("recognizes the escaped forms of terms that would otherwise be markup", () => {
    const [nodes, messages] = parseInline("\\*4, class\\_, \\*args, \\**kwargs, \\`TeX-quoted', \\*ML, \\*.rst", 1, makeContext());
    expect(messages).toEqual([]);
    expect(nodes.map((n) => n.astext()).join("")).toBe("*4, class_, *args, **kwargs, `TeX-quoted', *ML, *.rst");
  });
});

describe("escapes", () => {
  it("keeps escaped characters as text and drops escaped whitespace", () => {
    expect(inlinePx("\\*not\\* m\\ *a*\\ p")).toBe(expected(`
      <paragraph>
          *not* m
          <emphasis>
              a
          p
    `));
  });

  it("stores escapes as NUL before the character in Text data", () => {
    const [nodes] = parseInline("a\\*b", 1, makeContext());
    expect((nodes[0] as Text).data).toBe("a\x00*b");
    expect(nodes[0].astext()).toBe("a*b");
  });

  it("an escaped end-string does not end emphasis", () => {
    expect(inlinePx("*the\\* *stars\\* *inside*")).toContain("the* *stars* *inside");
  });
});

describe("inline literals", () => {
  it("keeps backslashes inside literals", () => {
    expect(inlinePx("``a\\b\\`` x")).toBe(expected(`
      <paragraph>
          <literal>
              a\\b\\
           x
    `));
  });

  it("finds the end-string that is followed by a permitted character", () => {
    expect(inlinePx("```code```")).toBe(expected(`
      <paragraph>
          <literal>
              \`code\`
    `));
    expect(inlinePx("``a``b`` c")).toContain("a``b");
  });
});

describe("interpreted text", () => {
  it("uses the default role (title-reference)", () => {
    expect(inlinePx("`title`")).toBe(expected(`
      <paragraph>
          <title_reference>
              title
    `));
  });

  it("uses the default role set in the memo", () => {
    const ctx = makeContext(new Document("test data"), "strong");
    expect(inlinePx("`x`", ctx)).toContain("<strong>");
  });

  it("accepts role prefixes and suffixes", () => {
    expect(inlinePx(":emphasis:`a` `b`:strong:")).toBe(expected(`
      <paragraph>
          <emphasis>
              a

          <strong>
              b
    `));
  });

  it("ignores a role suffix that rule 7 does not end", () => {
    expect(inlinePx("`c`:sup:x")).toBe(expected(`
      <paragraph>
          <title_reference>
              c
          :sup:x
    `));
  });

  it("reports both a prefix and a suffix role", () => {
    expect(inlinePx(":a:`x`:b:")).toBe(expected(`
      <paragraph>
          <problematic ids="problematic-1" refid="system-message-1">
              :a:\`x\`:b:
      <system_message backrefs="problematic-1" ids="system-message-1" level="2" line="1" source="test data" type="WARNING">
          <paragraph>
              Multiple roles in interpreted text (both prefix and suffix present; only one allowed).
    `));
  });

  it("reports unknown roles with docutils' notice and error", () => {
    expect(inlinePx(":nope:`x`")).toBe(expected(`
      <paragraph>
          <problematic ids="problematic-1" refid="system-message-1">
              :nope:\`x\`
      <system_message level="1" line="1" source="test data" type="INFO">
          <paragraph>
              No role entry for "nope" in module "docutils.parsers.rst.languages.en".
              Trying "nope" as canonical role name.
      <system_message backrefs="problematic-1" ids="system-message-1" level="3" line="1" source="test data" type="ERROR">
          <paragraph>
              Unknown interpreted text role "nope".
    `));
  });

  it("reports a role together with a reference suffix", () => {
    expect(inlinePx(":r:`x`_")).toContain("Mismatch: both interpreted text role prefix and reference suffix.");
    expect(inlinePx("`x`:r:_")).toContain("Mismatch: both interpreted text role suffix and reference suffix.");
  });

  it("does not end at a backquote after unescaped whitespace", () => {
    expect(inlinePx(":title:`\\ ` x")).toContain("<title_reference>");
    expect(inlinePx("`a ` b")).toContain("Inline interpreted text or phrase reference start-string without end-string.");
  });
});

describe("hyperlink references", () => {
  it("recognizes simple names, with words joined by single punctuation", () => {
    expect(inlinePx("ref_, r_e-f_ and anon__ but not _x_ or __init__")).toBe(expected(`
      <paragraph>
          <reference refname="ref">
              ref
          ,
          <reference refname="r_e-f">
              r_e-f
           and
          <reference anonymous="1">
              anon
           but not _x_ or __init__
    `));
  });

  it("normalizes phrase reference names (case and whitespace)", () => {
    expect(inlinePx("`Phrase\n  Ref`_")).toBe(expected(`
      <paragraph>
          <reference refname="phrase ref">
              Phrase
                Ref
    `));
  });

  it("registers references in the document", () => {
    const ctx = makeContext();
    parseInline("a_ `b c`_ d__ `e`__", 1, ctx);
    expect([...ctx.document.refnames.keys()]).toEqual(["a", "b c"]);
    expect(ctx.document.anonymousRefs.length).toBe(2);
  });

  it("makes a target for a named reference with an embedded URI", () => {
    expect(inlinePx("`Python <https://www.python.org/>`_")).toBe(expected(`
      <paragraph>
          <reference refuri="https://www.python.org/">
              Python
          <target ids="python" names="python" refuri="https://www.python.org/">
    `));
  });

  it("makes no target for an anonymous reference with an embedded URI", () => {
    expect(inlinePx("`Python <https://www.python.org/>`__")).toBe(expected(`
      <paragraph>
          <reference refuri="https://www.python.org/">
              Python
    `));
  });

  it("removes unescaped whitespace from embedded URIs and keeps escaped spaces", () => {
    expect(inlinePx("`x <http://a.org/b\n c\\ d>`__")).toContain('refuri="http://a.org/bc d"');
  });

  it("turns an embedded e-mail address into a mailto: URI", () => {
    expect(inlinePx("`mail <me@example.org>`__")).toContain('refuri="mailto:me@example.org"');
  });

  it("uses the URI as text when the reference text is omitted", () => {
    expect(inlinePx("`<page.html>`__")).toBe(expected(`
      <paragraph>
          <reference refuri="page.html">
              page.html
    `));
  });

  it("recognizes embedded aliases", () => {
    expect(inlinePx("`text <Other Name_>`_")).toBe(expected(`
      <paragraph>
          <reference refname="other name">
              text
          <target ids="text" names="text" refname="other name">
    `));
    expect(inlinePx("`text <alias_>`__")).toBe(expected(`
      <paragraph>
          <reference refname="alias">
              text
    `));
  });

  it("takes an escaped trailing low line or a URI ending in _ as a URI", () => {
    expect(inlinePx("`<a\\_>`__")).toContain('refuri="a_"');
    expect(inlinePx("`x <http://a.org/b_>`__")).toContain('refuri="http://a.org/b_"');
  });

  it("needs whitespace before the embedded link and none inside the brackets", () => {
    expect(inlinePx("`x<y>`__")).toContain('<reference anonymous="1">');
    expect(inlinePx("`x < y >`__")).toContain('<reference anonymous="1">');
  });
});

describe("inline internal targets", () => {
  it("makes an inline element with the name and registers it", () => {
    const ctx = makeContext();
    expect(inlinePx("a _`Target Name` b", ctx)).toBe(expected(`
      <paragraph>
          a
          <inline ids="target-name" names="target\\ name">
              Target Name
           b
    `));
    expect(ctx.document.nameids.get("target name")).toBe("target-name");
  });

  it("warns when the target has no end-string", () => {
    expect(inlinePx("_`open")).toContain("Inline target start-string without end-string.");
  });
});

describe("footnote and citation references", () => {
  it("recognizes numbered, auto-numbered, labelled and symbol references", () => {
    expect(inlinePx("[1]_ [#]_ [#note]_ [*]_")).toBe(expected(`
      <paragraph>
          <footnote_reference ids="footnote-reference-1" refname="1">
              1

          <footnote_reference auto="1" ids="footnote-reference-2">

          <footnote_reference auto="1" ids="footnote-reference-3" refname="note">

          <footnote_reference auto="*" ids="footnote-reference-4">
    `));
  });

  it("registers them in the document", () => {
    const ctx = makeContext();
    parseInline("[1]_ [#]_ [#a]_ [*]_ [CIT2002]_", 1, ctx);
    const d = ctx.document;
    expect(d.autofootnoteRefs.length).toBe(2);
    expect(d.symbolFootnoteRefs.length).toBe(1);
    expect([...d.footnoteRefs.keys()]).toEqual(["1", "a"]);
    expect([...d.citationRefs.keys()]).toEqual(["cit2002"]);
  });

  it("recognizes citation references with simple names", () => {
    expect(inlinePx("[CIT2002]_ and [1a]_")).toBe(expected(`
      <paragraph>
          <citation_reference ids="citation-reference-1" refname="cit2002">
              CIT2002
           and
          <citation_reference ids="citation-reference-2" refname="1a">
              1a
    `));
  });

  it("drops the space before a reference with the trimFootnoteReferenceSpace setting", () => {
    const ctx = makeContext(new Document("test data", { trimFootnoteReferenceSpace: true }));
    const [nodes] = parseInline("Text [1]_ and [CIT]_", 1, ctx);
    expect(nodes.map((n) => (n instanceof Text ? n.data : n.tagname))).toEqual(["Text", "footnote_reference", " and", "citation_reference"]);
    const [plain] = parseInline("Text [1]_", 1, makeContext());
    expect((plain[0] as Text).data).toBe("Text ");
  });

  it("does not recognize adjacent references", () => {
    expect(inlinePx("[1]_[2]_ x")).toBe(expected(`
      <paragraph>
          [1]_[2]_ x
    `));
  });
});

describe("substitution references", () => {
  it("recognizes |name|, |name|_ and |name|__", () => {
    expect(inlinePx("|a  b| |c|_ |d|__")).toBe(expected(`
      <paragraph>
          <substitution_reference refname="a b">
              a  b

          <reference refname="c">
              <substitution_reference refname="c">
                  c

          <reference anonymous="1">
              <substitution_reference refname="d">
                  d
    `));
  });

  it("warns without end-string", () => {
    expect(inlinePx("|open")).toContain("Inline substitution_reference start-string without end-string.");
  });
});

describe("standalone hyperlinks", () => {
  it("recognizes URIs with known schemes and e-mail addresses", () => {
    // ")" may be inside a URI but not end it: the URI stops before it.
    expect(inlinePx("See http://example.org/a_(b), or mail me@example.org.")).toBe(expected(`
      <paragraph>
          See
          <reference refuri="http://example.org/a_(b">
              http://example.org/a_(b
          ), or mail
          <reference refuri="mailto:me@example.org">
              me@example.org
          .
    `));
  });

  it("does not end a URI with punctuation, except before '>'", () => {
    expect(inlinePx("<http://example.org/x.>")).toContain('refuri="http://example.org/x."');
    expect(inlinePx("http://example.org/x.")).toContain('refuri="http://example.org/x"');
  });

  it("does not link unknown schemes (the whole text stays text, as in docutils)", () => {
    expect(inlinePx("foo:bar and http://example.org")).toBe(expected(`
      <paragraph>
          foo:bar and http://example.org
    `));
  });

  it("does not link escaped @", () => {
    expect(inlinePx("test\\@example.org")).toBe(expected(`
      <paragraph>
          test@example.org
    `));
  });

  it("keeps escaped characters in the URI", () => {
    expect(inlinePx("http://example.com/\\*x\\*/y")).toContain('refuri="http://example.com/*x*/y"');
  });
});

describe("standalone PEP and RFC references (settings)", () => {
  const ctx = () => makeContext(new Document("test data", { pepReferences: true, rfcReferences: true }));

  it("links PEP and RFC numbers when the settings are on", () => {
    expect(inlinePx("See PEP 8, pep-0287.txt and RFC 2822.", ctx())).toBe(expected(`
      <paragraph>
          See
          <reference refuri="https://peps.python.org/pep-0008">
              PEP 8
          ,
          <reference refuri="https://peps.python.org/pep-0287">
              pep-0287.txt
           and
          <reference refuri="https://tools.ietf.org/html/rfc2822.html">
              RFC 2822
          .
    `));
  });

  it("leaves them as text by default", () => {
    expect(inlinePx("PEP 8 and RFC 2822")).toBe(expected(`
      <paragraph>
          PEP 8 and RFC 2822
    `));
  });
});

describe("character-level inline markup (setting)", () => {
  const ctx = () => makeContext(new Document("test data", { characterLevelInlineMarkup: true }));

  it("recognizes markup inside words, but not after an escape", () => {
    expect(inlinePx("m*a*r**k**\\*x*", ctx())).toBe(expected(`
      <paragraph>
          m
          <emphasis>
              a
          r
          <strong>
              k
          *x*
    `));
  });

  it("takes the longest role suffix followed by a colon", () => {
    expect(inlinePx("`x`:sup:y", ctx())).toBe(expected(`
      <paragraph>
          <superscript>
              x
          y
    `));
  });
});

describe("robustness", () => {
  it("returns no nodes for empty text", () => {
    expect(parseInline("", 1, makeContext())).toEqual([[], []]);
  });

  it("never throws on odd input", () => {
    const odd = ["`", "``", "_`", "|", "[", ":", ":a:", ":a:`", "`<>`_", "`< >`_", "`<\\>`_", "\\", "a\\", "[#", "[#]", "\ud83d\ude00*x*\ud83d\ude00"];
    for (const s of odd) expect(() => parseInline(s, 1, makeContext())).not.toThrow();
  });
});
