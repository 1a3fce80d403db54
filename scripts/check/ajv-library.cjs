// ajv with its draft-04 class and its standalone code writer, loaded on first
// call. A CommonJS file on purpose: esbuild (build-dist.mjs) bundles ajv's
// hundred modules into the toolchain, which Node then neither resolves nor
// reads one by one, and still evaluates them only when this is called, so a
// run whose validators are all kept never loads ajv.
"use strict";
let loaded;
module.exports = {
  ajvLibrary() {
    loaded ??= { Draft04: require("ajv-draft-04").default, standaloneCode: require("ajv/dist/standalone").default };
    return loaded;
  },
  ajvVersions() {
    return { ajv: require("ajv/package.json").version, draft04: require("ajv-draft-04/package.json").version };
  },
};
