import { describe, expect, it } from "vitest";
import { Document } from "../document.ts";
import { el, type Element } from "../nodes.ts";
import { toHtml } from "./html5.ts";
import { isSimpleList } from "./visitors/lists.ts";
import { isUnsafeUri } from "./visitors/references.ts";

function doc(...children: Element[]): Document {
  const d = new Document("test data");
  d.extend(children);
  for (const n of d.traverse()) {
    if (n !== d && "ids" in n) for (const id of (n as Element).ids) d.idMap.set(id, n as Element);
  }
  return d;
}

/** The body between <main> and </main>. */
function body(d: Document): string {
  const html = toHtml(d);
  return html.slice(html.indexOf(">", html.indexOf("<main")) + 2, html.lastIndexOf("</main>"));
}

describe("document frame", () => {
  it("wraps the body in <main>, with the document ids and a title as <h1 class=title>", () => {
    const d = doc(el("title", {}, "Hello"), el("paragraph", {}, "x"));
    d.ids.push("hello");
    expect(toHtml(d)).toBe('<main id="hello">\n<h1 class="title">Hello</h1>\n<p>x</p>\n</main>\n');
  });
  it("puts the header decoration before <main> and the footer after it", () => {
    const d = doc(el("decoration", {}, el("header", {}, el("paragraph", {}, "top")), el("footer", {}, el("paragraph", {}, "end"))));
    expect(toHtml(d)).toBe("<header>\n<p>top</p>\n</header>\n<main>\n</main>\n<footer>\n<p>end</p>\n</footer>\n");
  });
});

describe("text and inline elements", () => {
  it("escapes text and attribute values, including @", () => {
    expect(body(doc(el("paragraph", {}, 'a < b & "c" > d@e')))).toBe("<p>a &lt; b &amp; &quot;c&quot; &gt; d&#64;e</p>\n");
  });
  it("writes emphasis, strong, title_reference, sub/superscript, abbreviation", () => {
    const p = el("paragraph", {}, el("emphasis", {}, "e"), el("strong", {}, "s"), el("title_reference", {}, "t"),
      el("subscript", {}, "2"), el("superscript", {}, "3"), el("abbreviation", {}, "abbr"), el("acronym", {}, "ac"));
    expect(body(doc(p))).toBe("<p><em>e</em><strong>s</strong><cite>t</cite><sub>2</sub><sup>3</sup><abbr>abbr</abbr><abbr>ac</abbr></p>\n");
  });
  it("writes literals as docutils literal spans, protecting words with wrap points", () => {
    const p = el("paragraph", {}, el("literal", {}, "--an-option and x"));
    expect(body(doc(p))).toBe('<p><span class="docutils literal"><span class="pre">--an-option</span> and x</span></p>\n');
  });
  it("uses a semantic tag for inline elements with a supported class", () => {
    const p = el("paragraph", {}, el("inline", { classes: ["kbd", "x"] }, "Ctrl"), el("inline", { classes: ["y"] }, "z"));
    expect(body(doc(p))).toBe('<p><kbd class="x">Ctrl</kbd><span class="y">z</span></p>\n');
  });
});

describe("references", () => {
  it("writes external and internal references with their classes", () => {
    const p = el("paragraph", {}, el("reference", { refuri: "http://x.org/" }, "x"), el("reference", { refid: "sec" }, "s"));
    expect(body(doc(p))).toBe(
      '<p><a class="reference external" href="http://x.org/">x</a><a class="reference internal" href="#sec">s</a></p>\n',
    );
  });
  it("does not link script-capable URIs", () => {
    const p = el("paragraph", {}, el("reference", { refuri: "JavaScript:alert(1)" }, "x"), el("reference", { refuri: " data:text/html,x" }, "y"));
    expect(body(doc(p))).toBe('<p><a class="reference external">x</a><a class="reference external">y</a></p>\n');
    expect(isUnsafeUri("java\nscript:x")).toBe(true);
    expect(isUnsafeUri("https://example.org/javascript:")).toBe(false);
  });
  it("writes targets without a reference as spans and problematic nodes as links to their message", () => {
    const p = el("paragraph", {}, el("target", { ids: ["t"], names: ["t"] }, "t"), el("problematic", { ids: ["p1"], refid: "m1" }, "*"));
    const m = el("system_message", { ids: ["m1"], level: 2, type: "WARNING", source: "s" }, el("paragraph", {}, "w"));
    expect(body(doc(p, m))).toMatch(/^<p><span class="target" id="t">t<\/span><a href="#m1"><span class="problematic" id="p1">\*<\/span><\/a><\/p>\n/);
  });
  it("writes a problematic node whose message was filtered out as plain text", () => {
    const p = el("paragraph", {}, el("problematic", { ids: ["p1"], refid: "m1" }, "*"));
    const info = el("system_message", { ids: ["m1"], level: 1, type: "INFO", source: "s" }, el("paragraph", {}, "i"));
    expect(body(doc(p, info))).toBe("<p>*</p>\n");
  });
});

describe("lists", () => {
  it("marks simple lists and keeps paragraphs", () => {
    const list = el("bullet_list", { bullet: "-" }, el("list_item", {}, el("paragraph", {}, "a")), el("list_item", {}, el("paragraph", {}, "b")));
    expect(body(doc(list))).toBe('<ul class="simple">\n<li><p>a</p></li>\n<li><p>b</p></li>\n</ul>\n');
  });
  it("does not mark a list whose items hold two paragraphs", () => {
    const list = el("enumerated_list", { enumtype: "arabic", prefix: "", suffix: "." },
      el("list_item", {}, el("paragraph", {}, "a"), el("paragraph", {}, "b")));
    expect(isSimpleList(list)).toBe(false);
    expect(body(doc(list))).toBe('<ol class="arabic">\n<li><p>a</p>\n<p>b</p>\n</li>\n</ol>\n');
  });
  it("writes definition lists with classifiers", () => {
    const dl = el("definition_list", {}, el("definition_list_item", {}, el("term", {}, "t"), el("classifier", {}, "c"),
      el("definition", {}, el("paragraph", {}, "d"))));
    expect(body(doc(dl))).toBe('<dl class="simple">\n<dt>t<span class="classifier">c</span></dt>\n<dd><p>d</p>\n</dd>\n</dl>\n');
  });
  it("writes field lists and option lists", () => {
    const fl = el("field_list", {}, el("field", {}, el("field_name", {}, "f"), el("field_body", {}, el("paragraph", {}, "v"))));
    expect(body(doc(fl))).toBe('<dl class="field-list simple">\n<dt>f<span class="colon">:</span></dt>\n<dd><p>v</p>\n</dd>\n</dl>\n');
    const ol = el("option_list", {}, el("option_list_item", {},
      el("option_group", {}, el("option", {}, el("option_string", {}, "-a"), el("option_argument", { delimiter: " " }, "file")),
        el("option", {}, el("option_string", {}, "--all"))),
      el("description", {}, el("paragraph", {}, "d"))));
    expect(body(doc(ol))).toBe(
      '<dl class="option-list">\n<dt><kbd><span class="option">-a <var>file</var></span>, <span class="option">--all</span></kbd></dt>\n<dd><p>d</p>\n</dd>\n</dl>\n',
    );
  });
});

describe("sections and titles", () => {
  it("uses h1 for top sections without a document title, with a self-link", () => {
    const s = el("section", { ids: ["a"], names: ["a"] }, el("title", {}, "A"), el("section", { ids: ["b"] }, el("title", { refid: "toc-1" }, "B")));
    expect(body(doc(s))).toBe(
      '<section id="a">\n<h1>A<a class="self-link" title="link to this section" href="#a"></a></h1>\n' +
        '<section id="b">\n<h2><a class="toc-backref" href="#toc-1" role="doc-backlink">B</a><a class="self-link" title="link to this section" href="#b"></a></h2>\n' +
        "</section>\n</section>\n",
    );
  });
  it("puts extra ids in empty spans", () => {
    const s = el("section", { ids: ["a", "b"] }, el("title", {}, "A"));
    expect(body(doc(s))).toContain('<section id="a">\n<span id="b"></span>');
  });
  it("writes transitions and rubrics", () => {
    expect(body(doc(el("transition"), el("rubric", {}, "r")))).toBe('<hr class="docutils" />\n<p class="rubric">r</p>\n');
  });
});

describe("footnotes and citations", () => {
  it("groups footnotes in an aside list and links labels back", () => {
    const fn = el("footnote", { ids: ["f1"], backrefs: ["r1", "r2"], names: ["1"] }, el("label", {}, "1"), el("paragraph", {}, "n"));
    expect(body(doc(fn))).toBe(
      '<aside class="footnote-list brackets">\n<aside class="footnote brackets" id="f1" role="doc-footnote">\n' +
        '<span class="label"><span class="fn-bracket">[</span>1<span class="fn-bracket">]</span></span>\n' +
        '<span class="backrefs">(<a role="doc-backlink" href="#r1">1</a>,<a role="doc-backlink" href="#r2">2</a>)</span>\n' +
        "<p>n</p>\n</aside>\n</aside>\n",
    );
  });
  it("writes footnote references in brackets", () => {
    const p = el("paragraph", {}, el("footnote_reference", { ids: ["r1"], refid: "f1" }, "1"));
    expect(body(doc(p))).toBe(
      '<p><a class="brackets" href="#f1" id="r1" role="doc-noteref"><span class="fn-bracket">[</span>1<span class="fn-bracket">]</span></a></p>\n',
    );
  });
  it("groups citations in a list div", () => {
    const c = el("citation", { ids: ["c"], backrefs: ["r"] }, el("label", {}, "C"), el("paragraph", {}, "x"));
    expect(body(doc(c))).toBe(
      '<div role="list" class="citation-list">\n<div class="citation" id="c" role="doc-biblioentry">\n' +
        '<span class="label"><span class="fn-bracket">[</span><a role="doc-backlink" href="#r">C</a><span class="fn-bracket">]</span></span>\n' +
        "<p>x</p>\n</div>\n</div>\n",
    );
  });
});

describe("tables", () => {
  const table = (classes: string[]) =>
    el("table", { classes }, el("tgroup", { cols: 2 }, el("colspec", { colwidth: 1 }), el("colspec", { colwidth: 3, stub: 1 }),
      el("thead", {}, el("row", {}, el("entry", {}, el("paragraph", {}, "h")), el("entry", {}))),
      el("tbody", {}, el("row", {}, el("entry", { morecols: 1 }, el("paragraph", {}, "b"))))));
  it("writes head cells as th, spans, and no colgroup by default", () => {
    expect(body(doc(table([])))).toBe(
      '<table>\n<thead>\n<tr><th class="head"><p>h</p></th>\n<th class="head stub"></th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr><td colspan="2"><p>b</p></td>\n</tr>\n</tbody>\n</table>\n',
    );
  });
  it("writes a colgroup when the widths were given", () => {
    expect(body(doc(table(["colwidths-given"])))).toContain(
      '<colgroup>\n<col style="width: 25.0%" />\n<col style="width: 75.0%" />\n</colgroup>\n',
    );
  });
});

describe("admonitions, topics, blocks", () => {
  it("writes admonitions as asides with their title", () => {
    expect(body(doc(el("note", { classes: ["x"] }, el("paragraph", {}, "n"))))).toBe(
      '<aside class="admonition x note">\n<p class="admonition-title">Note</p>\n<p>n</p>\n</aside>\n',
    );
  });
  it("writes topics, sidebars, line blocks, block quotes with attribution", () => {
    expect(body(doc(el("topic", {}, el("title", {}, "T"))))).toBe('<aside class="topic">\n<p class="topic-title">T</p>\n</aside>\n');
    expect(body(doc(el("sidebar", {}, el("title", {}, "S"))))).toBe('<aside class="sidebar">\n<p class="sidebar-title">S</p>\n</aside>\n');
    expect(body(doc(el("line_block", {}, el("line", {}, "a"), el("line"))))).toBe(
      '<div class="line-block">\n<div class="line">a</div>\n<div class="line"><br /></div>\n</div>\n',
    );
    expect(body(doc(el("block_quote", {}, el("paragraph", {}, "q"), el("attribution", {}, "me"))))).toBe(
      '<blockquote>\n<p>q</p>\n<p class="attribution">\u2014me</p>\n</blockquote>\n',
    );
  });
  it("does not show comments' markup breakers, substitution definitions or pending nodes", () => {
    expect(body(doc(el("comment", {}, "a -- b"), el("substitution_definition", { names: ["x"] }, "x")))).toBe("<!-- a - - b -->\n");
  });
});

describe("literal, raw and math", () => {
  it("writes literal and doctest blocks", () => {
    expect(body(doc(el("literal_block", {}, "a <b>")))).toBe('<pre class="literal-block">a &lt;b&gt;</pre>\n');
    expect(body(doc(el("doctest_block", {}, ">>> 1")))).toBe('<pre class="code python doctest">&gt;&gt;&gt; 1\n</pre>\n');
  });
  it("passes only html raw content", () => {
    expect(body(doc(el("raw", { format: "html" }, "<b>x</b>"), el("raw", { format: "latex" }, "\\x")))).toBe("<b>x</b>");
  });
  it("converts math to MathML", () => {
    expect(body(doc(el("math_block", {}, "E = mc^2")))).toBe(
      '<div>\n<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">\n  <mi>E</mi>\n  <mo>=</mo>\n  <mi>m</mi>\n' +
        "  <msup>\n    <mi>c</mi>\n    <mn>2</mn>\n  </msup>\n</math>\n</div>\n",
    );
  });
  it("shows math it cannot convert as problematic, with a warning after the block", () => {
    const html = body(doc(el("paragraph", {}, el("math", {}, '1"'))));
    expect(html).toContain('<p><span class="math problematic">1&quot;</span></p>\n<aside class="system-message">');
    expect(html).toContain("Unsupported character");
  });
});

describe("images and figures", () => {
  it("applies scale, keeps unitless sizes as attributes and others as CSS", () => {
    expect(body(doc(el("image", { uri: "p.png", width: "200", height: "100", scale: 50 })))).toBe(
      '<img alt="p.png" height="50" src="p.png" width="100" />\n',
    );
    expect(body(doc(el("image", { uri: "p.png", width: "2em", align: "left", alt: "A" })))).toBe(
      '<img alt="A" class="align-left" src="p.png" style="width: 2em;" />\n',
    );
  });
  it("writes figures with figcaption and legend", () => {
    const f = el("figure", {}, el("image", { uri: "p.png" }), el("caption", {}, "c"), el("legend", {}, el("paragraph", {}, "l")));
    expect(body(doc(f))).toBe(
      '<figure>\n<img alt="p.png" src="p.png" />\n<figcaption>\n<p>c</p>\n<div class="legend">\n<p>l</p>\n</div>\n</figcaption>\n</figure>\n',
    );
  });
});

describe("system messages and docinfo", () => {
  it("writes warnings with backlinks and hides INFO messages", () => {
    const m = el("system_message", { level: 2, type: "WARNING", source: "test data", line: 3, backrefs: ["p"], ids: ["m"] }, el("paragraph", {}, "w"));
    const info = el("system_message", { level: 1, type: "INFO", source: "test data", line: 1 }, el("paragraph", {}, "i"));
    expect(body(doc(m, info))).toBe(
      '<aside class="system-message" id="m">\n<p class="system-message-title">System Message: WARNING/2 ' +
        '(<span class="docutils literal">test data</span>, line 3); <em><a href="#p">backlink</a></em></p>\n<p>w</p>\n</aside>\n',
    );
  });
  it("writes the docinfo before the body", () => {
    const d = doc(el("docinfo", {}, el("author", {}, "Me"), el("date", {}, "2001")), el("paragraph", {}, "x"));
    expect(body(d)).toBe(
      '<dl class="docinfo simple">\n<dt class="author">Author<span class="colon">:</span></dt>\n<dd class="author"><p>Me</p></dd>\n' +
        '<dt class="date">Date<span class="colon">:</span></dt>\n<dd class="date">2001</dd>\n</dl>\n<p>x</p>\n',
    );
  });
});

describe("robustness", () => {
  it("writes 500 nested block quotes without overflowing the stack", () => {
    let inner: Element = el("paragraph", {}, "deep");
    for (let i = 0; i < 500; i++) inner = el("block_quote", {}, inner);
    const html = body(doc(inner));
    expect(html.split("<blockquote>").length - 1).toBe(500);
  });
  it("writes 20,000 sibling footnotes in linear time", () => {
    const notes: Element[] = [];
    for (let i = 0; i < 20000; i++) notes.push(el("footnote", { ids: [`f${i}`] }, el("label", {}, String(i)), el("paragraph", {}, "x")));
    const start = Date.now();
    const html = body(doc(...notes));
    expect(Date.now() - start).toBeLessThan(3000);
    expect(html.split('<aside class="footnote-list brackets">').length - 1).toBe(1);
  });
  it("gives images with a script-capable source an empty src", () => {
    expect(body(doc(el("image", { uri: "javascript:alert(1)", alt: "x" })))).toBe('<img alt="x" src="" />\n');
  });
});

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { readCases } from "../testing/run-cases.ts";
import { runWriterCase } from "../testing/writer-conformance.ts";

const CASES = resolve(process.cwd(), "../shared/rst-conformance/cases.jsonl");
describe.skipIf(!existsSync(CASES))("docutils' doctrees (writer-only conformance)", () => {
  it("renders at least 600 of docutils' transformed doctrees exactly as docutils' html5 writer", () => {
    const cases = readCases(CASES).filter((c) => c.doctree_pseudoxml !== undefined && c.html5_body !== undefined);
    const passed = cases.filter((c) => runWriterCase(c, false).passed).length;
    expect(passed).toBeGreaterThanOrEqual(600);
  }, 60_000);
});
if (!existsSync(CASES)) console.warn(`skipping writer conformance: ${CASES} not found`);

describe("malformed trees", () => {
  it("writes any nesting of any node types without throwing", () => {
    const tags = [
      "abbreviation", "acronym", "address", "admonition", "attention", "attribution", "author", "authors", "block_quote",
      "bullet_list", "caption", "caution", "citation", "citation_reference", "classifier", "colspec", "comment", "compound",
      "contact", "container", "copyright", "danger", "date", "decoration", "definition", "definition_list",
      "definition_list_item", "description", "docinfo", "doctest_block", "emphasis", "entry", "enumerated_list", "error",
      "field", "field_body", "field_list", "field_name", "figure", "footer", "footnote", "footnote_reference", "generated",
      "header", "hint", "image", "important", "inline", "label", "legend", "line", "line_block", "list_item", "literal",
      "literal_block", "math", "math_block", "meta", "note", "option", "option_argument", "option_group", "option_list",
      "option_list_item", "option_string", "organization", "paragraph", "pending", "problematic", "raw", "reference",
      "revision", "row", "rubric", "section", "sidebar", "status", "strong", "subscript", "substitution_definition",
      "substitution_reference", "subtitle", "superscript", "system_message", "table", "target", "tbody", "term", "tgroup",
      "thead", "tip", "title", "title_reference", "topic", "transition", "version", "warning", "unknown_node",
    ];
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const attrs = () => {
      const a: Record<string, string | number | string[]> = {};
      if (random(3) === 0) a.ids = ["x" + random(5)];
      if (random(4) === 0) a.classes = ["details", "code", "kbd", "contents", "ln"].slice(random(5));
      if (random(4) === 0) a.backrefs = ["r1", "r2"].slice(random(2));
      if (random(5) === 0) a.morecols = 1;
      if (random(5) === 0) a.scale = 50;
      if (random(5) === 0) a.width = "10";
      if (random(6) === 0) a.refuri = "javascript:x";
      if (random(6) === 0) a.uri = "a.mp4";
      if (random(6) === 0) a.format = "html";
      if (random(6) === 0) a.level = random(5);
      return a;
    };
    for (let round = 0; round < 300; round++) {
      const make = (depth: number): Element => {
        const e = el(tags[random(tags.length)], attrs());
        const n = depth > 4 ? 0 : random(4);
        for (let i = 0; i < n; i++) e.append(random(3) === 0 ? el("paragraph", {}, "t<&>") : make(depth + 1));
        if (random(3) === 0) e.append(el("emphasis", {}, "x^2 \\frac{"));
        return e;
      };
      const d = doc(make(0), make(0));
      expect(() => toHtml(d)).not.toThrow();
    }
  });
});
