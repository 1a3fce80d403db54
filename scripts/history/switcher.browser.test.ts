// The version switcher in Debian's Chromium (playwright-core), on the pages
// `build --releases` wrote for a fixture repository: it lists every version in
// gen/, marks the one shown (latest/ included), and switching keeps the reader
// on the same section when the other version has it, else opens it at the top.
// Skipped when /usr/bin/chromium is absent.
import { existsSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildReleases } from "./build-releases.ts";
import { makeFixtureRepo } from "./testing/fixture-repo.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`skipping the version switcher tests: ${CHROMIUM} is not installed`);

const NEW_SECTION = "get-matrix-client-api-v1-rooms-roomid-typists";

describe.skipIf(!hasChromium)("the version switcher in Chromium", () => {
  let browser: Browser;
  let gen: string;
  const problems: string[] = [];

  beforeAll(async () => {
    const repo = makeFixtureRepo();
    const intro = join(repo.dir, "specification/intro.rst");
    writeFileSync(intro, readFileSync(intro, "utf8").replace("A table:", "A small table:"));
    gen = join(repo.dir, "gen");
    const run = await buildReleases({ repo: repo.dir, root: repo.dir, prefix: "", out: gen });
    expect(run.releases.map((r) => [r.release.version, r.status])).toEqual([["v0.0.9", "skipped"], ["v0.1.0", "built"], ["v0.2.0", "built"]]);
    expect(run.unstable?.ok).toBe(true);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, hash = ""): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 700 } });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console error: ${m.text()}`);
    });
    page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()}`));
    await page.goto(pathToFileURL(join(gen, path)).href + hash);
    return page;
  }

  const options = (page: Page) =>
    page.$$eval(".version-switcher-select option", (list) => list.map((o) => ({ value: (o as HTMLOptionElement).value, selected: (o as HTMLOptionElement).selected })));

  it("lists every version in gen/ on every page, the one shown selected", async () => {
    for (const [path, shown] of [["v0.1.0/index.html", "v0.1.0"], ["v0.2.0/howtos.html", "v0.2.0"], ["unstable/index.html", "unstable"], ["latest/index.html", "v0.2.0"]]) {
      const page = await open(path);
      expect(await page.isVisible(".version-switcher")).toBe(true);
      const list = await options(page);
      expect(list.map((o) => o.value)).toEqual(["unstable", "v0.2.0", "v0.1.0"]);
      expect(list.filter((o) => o.selected).map((o) => o.value)).toEqual([shown]);
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it("keeps the section being read when switching, and opens the top when the section is missing", async () => {
    const page = await open("v0.1.0/index.html", "#typing");
    const reading = "typing";
    await Promise.all([page.waitForURL(/\/v0\.2\.0\/index\.html#/), page.selectOption(".version-switcher-select", "v0.2.0")]);
    expect(new URL(page.url()).hash).toBe(`#${reading}`);
    expect(await page.evaluate((id) => Boolean(document.getElementById(id)), reading)).toBe(true);

    // The new operation's section is not in v0.1.0: that page opens at the top.
    await page.goto(pathToFileURL(join(gen, "v0.2.0/index.html")).href + `#${NEW_SECTION}`);
    await page.waitForFunction(() => scrollY > 0);
    // Scrolled further, to a section that v0.1.0 does not have either: the contents mark it as current.
    await page.evaluate(() => history.replaceState(null, "", location.pathname));
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), NEW_SECTION);
    await page.waitForFunction((id) => document.querySelector(".toc .is-current")?.getAttribute("data-target") === id, NEW_SECTION, { timeout: 3000 });
    await Promise.all([page.waitForURL(/\/v0\.1\.0\/index\.html/), page.selectOption(".version-switcher-select", "v0.1.0")]);
    await page.waitForLoadState("load");
    const after = await page.evaluate(() => ({ hash: location.hash, y: scrollY }));
    expect(after).toEqual({ hash: "", y: 0 });
    await page.close();
    expect(problems).toEqual([]);
  }, 60_000);
});
