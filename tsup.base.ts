// The build every published package shares: dual ESM + CommonJS with declarations for both
// (dist/index.{js,cjs,d.ts,d.cts}), matching the `exports` map of each package.json. Each
// package's tsup.config.ts spreads it and adds only what is its own.
export const libraryBuild = {
  entry: ["src/index.ts"],
  format: ["esm", "cjs"] as ("esm" | "cjs")[],
  dts: true,
  clean: true,
  sourcemap: false,
  target: "es2022",
};
