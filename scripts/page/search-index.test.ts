import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { publishDoctree } from "../rst/index.ts";
import { renderPage } from "./page.ts";
import { miniSearchBrowserScript, processTerm, SEARCH_GLOBAL, SEARCH_OPTIONS, STOP_WORDS, searchDocuments, searchIndexFile, searchIndexScript } from "./search-index.ts";

const RST = `Spec
====

The protocol, in general terms.

Rooms
-----

Rooms hold events.

POST /_matrix/client/api/v1/createRoom
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

.. class:: operation-summary

Create a new room.

Makes a room with a \`\`room_alias_name\`\`.

.. code:: json

  {"secret_in_code": 1}

Users
-----

People.
`;

const info = { file: "index.html", version: "v1.0.0", gitRev: "abc", nav: [] };
const html = renderPage(publishDoctree(RST, { source: "t.rst", settings: { syntaxHighlight: "none" } }), info, () => undefined).html;

describe("the search index", () => {
  it("has one document per section: number, title without the summary, summary, own text without code", () => {
    const docs = searchDocuments(html);
    // "Spec", alone at the top, is the document's title rather than a section.
    expect(docs.map((d) => [d.id, d.number, d.title])).toEqual([
      ["rooms", "1", "Rooms"],
      ["post-matrix-client-api-v1-createroom", "1.1", "POST /_matrix/client/api/v1/createRoom"],
      ["users", "2", "Users"],
    ]);
    const op = docs[1];
    expect(op.summary).toBe("Create a new room.");
    expect(op.text).toContain("room_alias_name");
    expect(op.text).not.toContain("secret_in_code");
    // A section's own text stops at its first subsection.
    expect(docs[0].text).toBe("Rooms hold events.");
  });

  it("is a script that defines the index, which MiniSearch loads and searches as search.js does", () => {
    const script = searchIndexScript(html);
    expect(script.startsWith(`window.${SEARCH_GLOBAL} = `)).toBe(true);
    const window: Record<string, any> = {};
    new Function("window", script)(window);
    const data = window[SEARCH_GLOBAL];
    expect(data.stopWords).toEqual(STOP_WORDS);
    const stop = new Set<string>(data.stopWords);
    const engine = MiniSearch.loadJS(data.index, { ...data.options, processTerm: (t: string) => (stop.has(t.toLowerCase()) ? null : t.toLowerCase()) });
    expect(engine.search("createRoom", { prefix: true })[0].id).toBe("post-matrix-client-api-v1-createroom");
    expect(engine.search("room_alias_name", { combineWith: "AND" }).map((r) => r.id)).toEqual(["post-matrix-client-api-v1-createroom"]);
    expect(engine.search("secret_in_code")).toEqual([]);
    expect(SEARCH_OPTIONS.storeFields).toEqual([]);
  });

  it("leaves stop words out and names the index after its page", () => {
    expect(processTerm("The")).toBeNull();
    expect(processTerm("Room")).toBe("room");
    expect(searchIndexFile("howtos.html")).toBe("howtos.search.js");
  });

  it("ships MiniSearch minified, with its licence line and without a source map reference", () => {
    const lib = miniSearchBrowserScript(undefined);
    expect(lib).toMatch(/^\/\* MiniSearch \d+\.\d+\.\d+, MIT licence/);
    expect(lib).not.toContain("sourceMappingURL");
    const scope: Record<string, any> = {};
    new Function("self", "globalThis", lib)(scope, scope);
    expect(typeof scope.MiniSearch?.loadJS).toBe("function");
  });

  it("keeps the minified library in the cache folder, whole", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "minisearch-cache-"));
    try {
      const lib = miniSearchBrowserScript(cacheDir);
      const kept = readdirSync(cacheDir);
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatch(/^minisearch-\d+\.\d+\.\d+-esbuild-\d+\.\d+\.\d+\.js$/);
      expect(readFileSync(join(cacheDir, kept[0]), "utf8")).toBe(lib);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
