// The whole page `matrix-doc rst --standalone` writes: the HTML body in a minimal,
// self-contained document with a small stylesheet (nothing fetched from elsewhere).
import { escapeHtml } from "../html-text.ts";

const STYLE = `
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1f21; margin: 0; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin-top: 1.6em; }
pre { background: #f5f6f7; padding: .75rem 1rem; overflow-x: auto; border-radius: 4px; }
code, pre, kbd, samp { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d0d4d8; padding: .3rem .6rem; vertical-align: top; text-align: left; }
aside.admonition, div.admonition, aside.topic, aside.sidebar { border-left: 4px solid #5b8def; background: #f3f6fd; padding: .5rem 1rem; margin: 1rem 0; }
.admonition-title, .topic-title, .sidebar-title { font-weight: 600; }
.system-message { border-left: 4px solid #d33; background: #fdf3f3; padding: .5rem 1rem; }
dl.field-list { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
dl.field-list > dt { font-weight: 600; }
dl.field-list > dd { margin: 0; }
.footnote-list, .citation-list { font-size: .92em; }
img { max-width: 100%; }
`;

export function standalonePage(body: string, title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
