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
    // The simulator CLI (bin `xms-webhooks`): one self-contained ESM file, not part of the API.
    entry: ["src/cli.ts"],
    format: ["esm"],
    dts: false,
    clean: false,
    sourcemap: false,
    target: "es2022",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
