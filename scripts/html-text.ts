// Text put into HTML by the toolchain's own pages (the theme's filters, the
// section pager, the standalone RST page, the diff report): `&`, `<`, `>` and
// `"` escaped. The RST engine has its own, docutils' `encode`, for what it writes.
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
