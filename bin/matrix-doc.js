#!/usr/bin/env node
// Entry point of the `matrix-doc` command: runs the TypeScript CLI through tsx.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../scripts/cli.ts");
process.exitCode = await main(process.argv);
