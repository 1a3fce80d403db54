// `matrix-doc serve` end to end in Debian's Chromium (playwright-core): a copy of
// the repository's sources is served; the open page shows an edited endpoint
// description by itself and keeps its scroll position; a broken example puts an
// overlay naming its file and line over the page; the fix takes it away. The page
// makes no request outside the server. Skipped when /usr/bin/chromium is absent.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { OVERLAY_ID } from "./client-script.ts";
import { type Preview, startPreview } from "./preview.ts";
import { copyRepositoryTree, type TempTree } from "./test-tree.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`skipping the preview's browser test: ${CHROMIUM} is not installed`);

const FILE = "api/client-server/v1/profile.yaml";
const DESCRIPTION = "Sets the display name of the given user.";
const EXAMPLE = '"displayname": "Alice Margatroid"';

describe.skipIf(!hasChromium)("matrix-doc serve in Chromium", () => {
  let tree: TempTree;
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const errors: string[] = [];
  let original: string;

  const edit = (from: string, to: string) => {
    const path = join(tree.root, FILE);
    const text = readFileSync(path, "utf8");
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
  };

  beforeAll(async () => {
    tree = copyRepositoryTree("serve-e2e-");
    original = readFileSync(join(tree.root, FILE), "utf8");
    expect(original).toContain(DESCRIPTION);
    expect(original).toContain(EXAMPLE);
    preview = await startPreview({ root: tree.root, out: tree.out, port: 0 });
    expect(preview.first.ok).toBe(true);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    page.on("request", (r) => {
      if (!r.url().startsWith(preview.url + "/")) outside.push(r.url());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${preview.url}/latest/index.html`);
    // The event stream is open once the server counts a client.
    for (let i = 0; i < 100 && preview.server.clientCount === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(preview.server.clientCount).toBe(1);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    tree?.remove();
  });

  it("shows an edited endpoint description in place (morphed, not reloaded), at the same scroll position", async () => {
    // Scroll to the endpoint whose description changes.
    await page.locator(`text=${DESCRIPTION}`).first().scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(1000);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const tocState = () => page.evaluate(() => [...document.querySelectorAll("#page-toc .is-open, #page-toc .is-current")].map((e) => e.getAttribute("data-target") + " " + e.className).join("|"));
    // Let the contents mark the section being read (on the next frames after the
    // scroll): the last section in the contents whose top is above the line the
    // page uses (the header's bottom + 48 px, theme.js).
    await page.waitForFunction(() => {
      const limit = document.querySelector(".site-header")!.getBoundingClientRect().bottom + 48;
      let expected: string | null = null;
      for (const li of document.querySelectorAll("#page-toc li[data-target]")) {
        const section = document.getElementById(li.getAttribute("data-target")!);
        if (section && section.getBoundingClientRect().top <= limit) expected = li.getAttribute("data-target");
      }
      return expected !== null && document.querySelector("#page-toc .is-current")?.getAttribute("data-target") === expected;
    });
    const openBranches = await tocState();
    expect(openBranches).not.toBe("");
    edit(DESCRIPTION, "Sets the display name of the given user (edited in the preview test).");
    await page.waitForFunction(() => document.body.textContent!.includes("edited in the preview test"), undefined, { timeout: 10_000, polling: 20 });
    // The same document (the marker is still there), the same place, the contents' state kept.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(5);
    expect(await tocState()).toBe(openBranches);
  });

  it("updates the page in less time than a full reload of it takes (both measured in the page)", async () => {
    await page.evaluate(() => performance.clearMarks());
    edit("(edited in the preview test)", "(edited twice in the preview test)");
    await page.waitForFunction(() => performance.getEntriesByName("matrix-doc:update-end").length > 0, undefined, { timeout: 10_000, polling: 20 });
    const morph = await page.evaluate(() => performance.getEntriesByName("matrix-doc:update-end")[0].startTime - performance.getEntriesByName("matrix-doc:update-start")[0].startTime);
    await page.reload({ waitUntil: "load" });
    const reload = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return nav.loadEventEnd - nav.startTime;
    });
    console.log(`preview: update of the open page ${Math.round(morph)} ms, full reload ${Math.round(reload)} ms (ratio ${(morph / reload).toFixed(2)})`);
    expect(await page.evaluate(() => document.body.textContent!.includes("edited twice in the preview test"))).toBe(true);
    expect(morph).toBeLessThan(reload);
    for (let i = 0; i < 100 && preview.server.clientCount === 0; i++) await new Promise((r) => setTimeout(r, 50));
  });

  it("puts the last good page under an overlay naming the broken example's file and line, and removes it on the fix", async () => {
    const lineOfExample = original.split("\n").findIndex((l) => l.includes(EXAMPLE)) + 1;
    edit(EXAMPLE, '"displayname": 42');
    const overlay = page.locator(`#${OVERLAY_ID}`);
    await overlay.waitFor({ state: "visible", timeout: 5000 });
    const text = await overlay.textContent();
    expect(text).toContain(`${FILE}:${lineOfExample}`);
    expect(text).toContain("example-invalid");
    // The page under it is the last good one.
    expect(await page.evaluate(() => document.body.textContent!.includes("edited twice in the preview test"))).toBe(true);
    edit('"displayname": 42', EXAMPLE);
    await overlay.waitFor({ state: "detached", timeout: 5000 });
  });

  it("made no request outside the server and raised no error", () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("forgets the page's event stream when the page closes, and goes on serving", async () => {
    await page.close();
    for (let i = 0; i < 100 && preview.server.clientCount > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(preview.server.clientCount).toBe(0);
    const again = await fetch(`${preview.url}/latest/index.html`);
    expect(again.status).toBe(200);
  });
});
