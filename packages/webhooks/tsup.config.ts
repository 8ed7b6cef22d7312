import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: dual ESM/CJS with declarations for both.
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: false,
    sourcemap: false,
    target: "es2022",
  },
  {
    // The simulator CLI: one self-contained ESM file exporting main(), not part of the API. The
    // bin `xms-webhooks` is the committed shim bin/xms-webhooks.js that calls it.
    entry: ["src/cli.ts"],
    format: ["esm"],
    dts: false,
    clean: false,
    sourcemap: false,
    target: "es2022",
    platform: "node",
  },
]);
