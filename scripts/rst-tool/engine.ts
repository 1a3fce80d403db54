// The RST engine as the conformance runner and `rst --cases` use it.
//
// The settings follow how docutils' expected outputs were produced: the parser
// view comes from docutils' parser tests, which run with docutils' defaults
// (raw enabled: a `.. raw::` block parses to a <raw> node), while the transformed
// doctree and the html5 body were produced with raw and include disabled. Outside
// this runner raw stays off by default.
import type { Engine } from "../rst/testing/run-cases.ts";

export async function loadEngine(): Promise<Engine> {
  const rst = await import("../rst/index.ts");
  return {
    renderParser: (text, source) => rst.pformat(rst.parse(text, { source, settings: { rawEnabled: true } })),
    renderDoctree: (text, source) => rst.pformat(rst.publishDoctree(text, { source })),
    renderHtmlBody: (text, source) => rst.toHtml(rst.publishDoctree(text, { source })),
  };
}
