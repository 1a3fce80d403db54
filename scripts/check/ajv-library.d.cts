import type draft04 from "ajv-draft-04";

export declare function ajvLibrary(): {
  Draft04: typeof draft04.default;
  standaloneCode: (ajv: unknown, refs: Record<string, string>) => string;
};
export declare function ajvVersions(): { ajv: string; draft04: string };
