import { describe, expect, it } from "vitest";
import { publishDoctree } from "../rst/index.ts";
import { highlightCode, highlightCodeBlocks } from "./highlight.ts";
import { checkInternalLinks, internalLinks, referenceLines } from "./link-check.ts";
import { metaDescription, renderPage, themeAssets } from "./page.ts";
import { numberSections, shortPath, splitMethod } from "./numbering.ts";

/** As the build parses: code blocks left as plain text for highlight.js. */
const PLAIN_CODE = { syntaxHighlight: "none" };

const RST = `Spec
====

Intro, see \`Rooms\`_.

Rooms
-----

Some text.

GET /rooms/{roomId}
~~~~~~~~~~~~~~~~~~~

Gets a room.

.. code:: json

  {"name": "<b>&amp;</b>", "n": 1}

DELETE /rooms/{roomId}
~~~~~~~~~~~~~~~~~~~~~~

Forgets a room.

+-----+-----+
| a   | b   |
+-----+-----+

Users
-----

GETTING started is not an endpoint.

Other
=====

Last.
`;

const info = { file: "index.html", version: "v9.8.7", gitRev: "abc1234", nav: [{ href: "index.html", label: "Spec", current: true }] };
const build = (text = RST) => {
  const document = publishDoctree(text, { source: "t.rst", settings: PLAIN_CODE });
  return renderPage(document, info, (line) => ({ file: "spec/t.rst", line }));
};

describe("section numbering and the table of contents", () => {
  it("numbers every section from its place in the tree", () => {
    const toc = numberSections(publishDoctree(RST, { source: "t.rst", settings: PLAIN_CODE }));
    const flat = (entries: typeof toc): string[] => entries.flatMap((e) => [`${e.number} ${e.method ?? ""}${e.method ? " " : ""}${e.title}`, ...flat(e.children)]);
    expect(flat(toc)).toEqual(["1 Spec", "1.1 Rooms", "1.1.1 GET /rooms/{roomId}", "1.1.2 DELETE /rooms/{roomId}", "1.2 Users", "2 Other"]);
    expect(toc[0].children[0].children[0].id).toBe("get-rooms-roomid");
  });

  it("shows the numbers in the headings and the contents, and links each entry to its section", () => {
    const { html, diagnostics } = build();
    expect(diagnostics).toEqual([]);
    expect(html).toMatch(/<h3><span class="section-number">1\.1\.2<\/span> <span class="http-method http-method-delete">DELETE<\/span> \/<wbr>rooms\/<wbr>\{roomId\}<a class="self-link"/);
    const start = html.indexOf('<nav aria-label="Table of contents">');
    const nav = html.slice(start, html.indexOf("</nav>", start));
    expect(nav).toContain('href="#get-rooms-roomid"><span class="toc-number">1.1.1</span> <span class="http-method http-method-get">GET</span>');
    expect(nav).toContain('<span class="toc-number">2</span>');
    expect((nav.match(/class="toc-link"/g) ?? []).length).toBe(6);
  });

  it("gives every heading an anchor link to its own section", () => {
    const { html } = build();
    for (const id of ["spec", "rooms", "get-rooms-roomid", "delete-rooms-roomid", "users", "other"]) {
      expect(html).toContain(`<a class="self-link" title="link to this section" href="#${id}"></a>`);
    }
  });

  it("shortens endpoint paths in the contents to the part after the API prefix", () => {
    const doc = publishDoctree("A\n=\n\nPOST /_matrix/client/api/v1/createRoom\n--------------------------------------\n\nx\n\nB\n=\n\ny\n", { source: "t.rst", settings: PLAIN_CODE });
    const [entry] = numberSections(doc)[0].children;
    expect(entry).toMatchObject({ method: "POST", title: "/_matrix/client/api/v1/createRoom", shortTitle: "…/createRoom" });
    expect(shortPath("/_matrix/media/v1/upload")).toBe("…/upload");
    expect(shortPath("/rooms/{roomId}")).toBe("/rooms/{roomId}");
  });

  it("puts badges only on titles that start with an HTTP method and a space", () => {
    expect(splitMethod("PUT /a")).toEqual({ method: "PUT", rest: "/a" });
    expect(splitMethod("GETTING started")).toBeUndefined();
    expect(splitMethod("Get /a")).toBeUndefined();
    expect(build().html.match(/class="http-method http-method-/g)?.length).toBe(4); // two titles, two contents entries
  });

  it("wraps tables in a container that scrolls sideways", () => {
    expect(build().html).toMatch(/<div class="table-wrapper docutils container">\s*<table/);
  });

  it("puts the version and the git revision in the header", () => {
    const { html } = build();
    const header = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
    expect(header).toContain("v9.8.7");
    expect(header).toContain("abc1234");
    expect(html).toContain("<title>Spec (v9.8.7)</title>");
  });

  it("refers to nothing outside the page's folder", () => {
    const { html } = build();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('<link rel="stylesheet" href="theme.css">');
    expect(html).toContain('<script src="theme.js"></script>');
  });
});

describe("highlighting", () => {
  it("highlights JSON at build time and keeps the text escaped", () => {
    const { html } = build();
    const pre = html.slice(html.indexOf('<pre class="code json literal-block">'), html.indexOf("</pre>", html.indexOf('<pre class="code json')));
    expect(pre).toContain('<span class="hljs-attr">&quot;name&quot;</span>');
    expect(pre).toContain("&lt;b&gt;&amp;amp;&lt;/b&gt;");
    expect(pre).not.toContain("<b>");
    expect(pre.replace(/<[^>]+>/g, "")).toBe('{&quot;name&quot;: &quot;&lt;b&gt;&amp;amp;&lt;/b&gt;&quot;, &quot;n&quot;: 1}');
  });

  it("highlights HTTP requests", () => {
    expect(highlightCode("GET /a HTTP/1.1\nHost: x\n", "http")).toContain('<span class="hljs-keyword">GET</span>');
    const doc = publishDoctree("Title\n=====\n\n.. code:: http\n\n  POST /x HTTP/1.1\n", { source: "t.rst", settings: PLAIN_CODE });
    expect(highlightCodeBlocks(doc)).toBe(1);
  });

  it("highlights an HTTP body as JSON, never as a guessed language, and leaves other bodies plain", () => {
    // This body was once guessed to be shell (a `$` in a string).
    const json = highlightCode('POST /push HTTP/1.1\nContent-Type: application/json\n\n{\n  "id": "$3957tyerfgewrf384",\n  "n": 2\n}', "http")!;
    expect(json).toContain('<span class="language-json">');
    expect(json).toContain('<span class="hljs-attr">&quot;id&quot;</span>');
    expect(json).not.toMatch(/language-(bash|python|javascript|yaml)|hljs-variable/);
    const bytes = highlightCode("PUT /upload HTTP/1.1\nContent-Type: image/png\n\n<bytes>", "http")!;
    expect(bytes).toContain("&lt;bytes&gt;");
    expect(bytes).not.toMatch(/language-|hljs-built_in/);
  });

  it("highlights a plain literal block only when it holds valid JSON", () => {
    const doc = publishDoctree('Title\n=====\n\n::\n\n  {"a": [1, 2]}\n\nand::\n\n  {not json}\n', { source: "t.rst", settings: PLAIN_CODE });
    expect(highlightCodeBlocks(doc)).toBe(1);
  });

  it("leaves code in an unknown language alone", () => {
    const doc = publishDoctree("Title\n=====\n\n.. code:: nosuchlanguage\n\n  x = 1\n", { source: "t.rst", settings: PLAIN_CODE });
    expect(highlightCodeBlocks(doc)).toBe(0);
  });
});

describe("internal link check", () => {
  it("finds ids and fragments, decoding entities", () => {
    const { ids, fragments } = internalLinks('<p id="a&amp;b"></p><a href="#a&amp;b">x</a><a href="#c">y</a><a href="#c">z</a>');
    expect([...ids]).toEqual(["a&b"]);
    expect(fragments).toEqual(new Map([["a&b", 1], ["c", 2]]));
  });

  it("reports a link that names no id of the page, at the place that wrote it", () => {
    const d = checkInternalLinks('<a href="#nowhere">x</a><p id="here"></p><a href="#here">y</a>', "index.html", (f) => (f === "nowhere" ? { file: "spec/a.rst", line: 7 } : undefined));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: "broken-internal-link", file: "spec/a.rst", line: 7, severity: "error" });
    expect(d[0].message).toContain("#nowhere");
  });

  it("fails a page whose document links to an id that does not exist", () => {
    // A hyperlink target pointing at a fragment of this page that nothing defines.
    const text = "Title\n=====\n\nSee `there`_.\n\n.. _there: #missing-section\n";
    const { diagnostics } = build(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "broken-internal-link", file: "spec/t.rst" });
    expect(diagnostics[0].line).toBeGreaterThan(0);
  });

  it("a table of contents links its title to the top of the page, which exists", () => {
    const text = "Title\n=====\n\n.. contents::\n\nOne\n---\n\nText.\n";
    const page = build(text);
    expect(page.diagnostics).toEqual([]);
    const { ids, fragments } = internalLinks(page.html);
    for (const f of fragments.keys()) expect(ids.has(f)).toBe(true);
  });

  it("a link the writer makes for a table of contents is located at the directive when it is broken", () => {
    const document = publishDoctree("Title\n=====\n\n.. contents::\n\nOne\n---\n\nText.\n", { source: "t.rst", settings: PLAIN_CODE });
    const lines = referenceLines(document);
    expect(lines.get("top")).toBe(4);
  });

  it("passes a page whose links all resolve", () => {
    expect(build().diagnostics).toEqual([]);
  });
});

describe("the reader's page", () => {
  const OP = `Spec
====

A specification of how clients and servers talk to each other over HTTP, with every endpoint described.

API
===

POST /rooms
-----------

.. class:: operation-summary

Create a room.

Makes one.

Other
=====

End.
`;
  const page = () => build(OP);

  it("makes an operation's summary its title line, above the method and path, and a subtitle in the contents", () => {
    const { html, toc } = page();
    expect(html).toMatch(/<h2><span class="section-number">2\.1<\/span> <span class="operation-summary">Create a room\.<\/span><span class="operation-route"><span class="http-method http-method-post">POST<\/span> \/<wbr>rooms<\/span>/);
    expect(html).not.toContain('<p class="operation-summary">');
    expect(toc[1].children[0]).toMatchObject({ method: "POST", title: "/rooms", summary: "Create a room." });
    expect(html).toContain('<span class="toc-summary">Create a room.</span>');
  });

  it("ends each top-level section with links to the one before and the one after", () => {
    const { html, diagnostics } = page();
    expect(diagnostics).toEqual([]);
    const pagers = [...html.matchAll(/<nav class="section-pager"[^>]*>(.*?)<\/nav>/g)].map((m) => [...m[1].matchAll(/rel="(\w+)" href="#([^"]+)"/g)].map((l) => `${l[1]}:${l[2]}`));
    expect(pagers).toEqual([["next:api"], ["prev:spec", "next:other"], ["prev:api"]]);
  });

  it("has a meta description from the titles, a favicon, a search box and a theme toggle", () => {
    const { html } = page();
    expect(html).toContain('<meta name="description" content="Spec, version v9.8.7: Spec, API, Other.">');
    expect(html).toContain('<link rel="icon" href="favicon.svg" type="image/svg+xml">');
    expect(html).toContain('data-index="index.search.js"');
    expect(html).toMatch(/<button class="theme-toggle"[^>]*aria-label="Dark mode"/);
    expect(html).toMatch(/<button class="toc-toggle"[^>]*aria-label="Contents"/);
    const assets = themeAssets(undefined);
    for (const name of ["favicon.svg", "search.js", "copy.js", "types.js", "minisearch.js", "theme.css", "theme.js"]) expect(assets.has(name), name).toBe(true);
    for (const name of ["search.js", "copy.js", "types.js"]) expect(html).toContain(`<script src="${name}"></script>`);
  });

  it("cuts a long description at a word", () => {
    const toc = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, number: String(i + 1), title: `Section ${i + 1}`, children: [] }));
    const d = metaDescription("Spec", "v1.0.0", toc);
    expect(d.length).toBeLessThanOrEqual(161);
    expect(d).toMatch(/^Spec, version v1\.0\.0: Section 1, Section 2, .*Section \d+…$/);
    // A page with one top-level section names the sections under it.
    expect(metaDescription("Guide", "v1", [{ id: "g", number: "1", title: "Guide", children: toc.slice(0, 2) }])).toBe("Guide, version v1: Section 1, Section 2.");
  });
});
