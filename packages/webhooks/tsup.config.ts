import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.base.js";

export default defineConfig([
  // The library and its `./redis` entry; not `clean`, since two builds share dist/.
  { ...libraryBuild, entry: ["src/index.ts", "src/redis.ts"], clean: false },
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
