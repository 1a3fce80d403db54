// The limits the toolchain puts on its inputs. A spec never comes near them; they
// are there so that a hostile or broken file gives a clear error at its place
// instead of a hang, an abort or an internal error. README.rst ("Limits") lists
// them; change both together.

/** Largest source file read (YAML, JSON, RST, CHANGELOG.rst, targets.yaml), in bytes. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** Deepest nesting of arrays and objects in a YAML or JSON file (the document itself is depth 0). */
export const MAX_DATA_DEPTH = 128;

/** Deepest nesting of a value once its `$ref`s are inlined (schemas that reference schemas). */
export const MAX_DEREFERENCED_DEPTH = 256;

/** Longest `pattern` in a schema, in characters. */
export const MAX_PATTERN_LENGTH = 1000;
