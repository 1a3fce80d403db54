// `npm run screenshots`: builds the specification into a temporary folder and
// pictures its page at 1440×900 and 390×844, light and dark, at the top and at
// an operation (createRoom), into gen/screenshots/, so that a change to the
// page can be looked at before it is merged. Needs Chromium (chromium.ts).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runBuild } from "../build/build.ts";
import { CHROMIUM, hasChromium, launchChromium, VIEWPORTS } from "../page/chromium.ts";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Where the page is pictured: its top, and an operation's section. */
const PLACES = [
  { name: "top", hash: "" },
  { name: "createroom", hash: "#post-matrix-client-api-v1-createroom" },
];

export async function takeScreenshots(root: string, outDir: string): Promise<string[]> {
  const build = mkdtempSync(join(tmpdir(), "matrix-doc-screenshots-"));
  const written: string[] = [];
  try {
    const result = await runBuild({ root, out: build });
    if (!result.ok) throw new Error(`the build failed: ${result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join("; ")}`);
    const url = pathToFileURL(join(build, result.version!, "index.html")).href;
    mkdirSync(outDir, { recursive: true });
    const browser = await launchChromium();
    try {
      for (const [device, viewport] of Object.entries(VIEWPORTS)) {
        for (const scheme of ["light", "dark"] as const) {
          const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
          const page = await context.newPage();
          for (const place of PLACES) {
            await page.goto(url + place.hash);
            await page.waitForSelector("html[data-scroll-regions=ready][data-copy=ready][data-types=ready]");
            const file = join(outDir, `${device}-${scheme}-${place.name}.png`);
            await page.screenshot({ path: file });
            written.push(file);
          }
          await context.close();
        }
      }
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!hasChromium()) {
    process.stderr.write(`screenshots: ${CHROMIUM} is not installed (set MATRIX_DOC_CHROMIUM to another Chromium).\n`);
    process.exit(2);
  }
  const out = join(REPO, "gen", "screenshots");
  takeScreenshots(REPO, out).then(
    (files) => process.stdout.write(`wrote ${files.length} screenshots into ${relative(process.cwd(), out) || "."}/\n`),
    (e: Error) => {
      process.stderr.write(`screenshots: ${e.message}\n`);
      process.exit(1);
    },
  );
}
