import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The first run installs Node 22 and 24, Bun and Deno from the npm registry into
    // node_modules/.cache; every runtime then starts a process (or a browser) of its own.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
