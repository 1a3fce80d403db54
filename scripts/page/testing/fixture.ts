// What the browser suites share: one build of the repository's specification,
// one Chromium, and pages opened on the built index.html from file:// with
// every console problem, page error and request outside the page's folder
// recorded.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { repositoryBuild } from "../../build/testing/repository-build.ts";
import { launchChromium, VIEWPORTS } from "../chromium.ts";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export interface BrowserFixture {
  browser: Browser;
  /** The version folder of the build. */
  dir: string;
  /** file:// URL of the version folder, ending with a slash. */
  folderUrl: string;
  /** The output folder the build wrote (its version folder, `versions.js`, `index.html`). */
  outUrl: string;
  url: string;
  /** Console errors and warnings, page errors, failed requests and requests outside the folder, of every page opened. */
  problems: string[];
  /** Every URL requested by every page opened. */
  requests: string[];
  /** Opens the built index.html, or `file` (another page of the version folder, e.g. the smaller howtos.html). */
  open(viewport: { width: number; height: number }, options?: BrowserContextOptions & { hash?: string; file?: string }): Promise<Page>;
  /**
   * One page per name, opened once and shared by the tests (loading the page
   * is what takes time): the clipboard is allowed, and each call goes back to
   * the top of the page with no fragment. Tests leave it as they found it.
   */
  shared(name: "desktop" | "phone"): Promise<Page>;
}

export async function createFixture(): Promise<BrowserFixture> {
  // The build the other tests of the worker share: the browser only reads it.
  const { result, out } = await repositoryBuild();
  if (!result.ok) throw new Error(`the build failed: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  const dir = join(out, result.version!);
  const folderUrl = pathToFileURL(dir).href + "/";
  // The output folder: the version's pages, and beside them the list of versions the switcher reads.
  const outUrl = pathToFileURL(out).href + "/";
  const browser = await launchChromium();
  const problems: string[] = [];
  const requests: string[] = [];
  const sharedPages = new Map<string, Promise<Page>>();
  const fixture: BrowserFixture = {
    browser,
    dir,
    folderUrl,
    outUrl,
    url: folderUrl + "index.html",
    problems,
    requests,
    async open(viewport, options = {}) {
      const { hash, file, ...contextOptions } = options;
      const context = await browser.newContext({ viewport, ...contextOptions });
      const page = await context.newPage();
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      page.on("request", (r) => {
        requests.push(r.url());
        if (!r.url().startsWith(outUrl)) problems.push(`request outside the output folder: ${r.url()}`);
      });
      page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()}`));
      // Closing the context of a closed page; when the browser closes first
      // (afterAll), the context is gone already, which is nothing to report.
      page.on("close", () => void context.close().catch(() => {}));
      await page.goto((file ? folderUrl + file : fixture.url) + (hash ?? ""));
      await page.waitForSelector("html[data-scroll-regions=ready][data-copy=ready][data-types=ready]");
      return page;
    },
    async shared(name) {
      let opening = sharedPages.get(name);
      if (!opening) {
        opening = fixture.open(VIEWPORTS[name], { permissions: ["clipboard-read", "clipboard-write"], colorScheme: "light" });
        sharedPages.set(name, opening);
      }
      const page = await opening;
      await page.evaluate(() => {
        if (location.hash) history.replaceState(null, "", location.pathname);
        window.scrollTo(0, 0);
      });
      return page;
    },
  };
  return fixture;
}

/** Where a section's top is, against the bottom of the sticky header. */
export async function sectionPlacement(page: Page, id: string) {
  return page.evaluate((target) => {
    const el = document.getElementById(target)!;
    const header = document.querySelector(".site-header")!.getBoundingClientRect().bottom;
    return { top: el.getBoundingClientRect().top, header, atEnd: Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 2, tag: el.tagName };
  }, id);
}
