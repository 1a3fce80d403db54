// The RST engine as the conformance runner and the `rst` command use it.
import type { Engine } from "../rst/testing/run-cases.ts";

export async function loadEngine(): Promise<Engine> {
  const rst = await import("../rst/index.ts");
  return {
    renderParser: (text, source) => rst.pformat(rst.parse(text, { source })),
    renderDoctree: (text, source) => rst.pformat(rst.publishDoctree(text, { source })),
    renderHtmlBody: (text, source) => rst.toHtml(rst.publishDoctree(text, { source })),
  };
}
