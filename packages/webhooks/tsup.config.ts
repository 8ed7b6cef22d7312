import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.base.js";

export default defineConfig([
  // The library; not `clean`, since two builds share dist/.
  { ...libraryBuild, clean: false },
  {
    // The simulator CLI: one self-contained ESM file exporting main(), not part of the API. The
    // bin `xms-webhooks` is the committed shim bin/xms-webhooks.js that calls it.
    ...libraryBuild,
    entry: ["src/cli.ts"],
    format: ["esm"],
    dts: false,
    clean: false,
    platform: "node",
  },
]);
