import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The first run installs Node 22 and 24, Bun and Deno from the npm registry into
    // node_modules/.cache; every runtime then starts a process (or a browser) of its own.
    testTimeout: 180_000,
    // One file at a time: matrix.test.ts and stall.test.ts both install runtimes on first use,
    // into the same cache folders, which two npm installs must not fill at once.
    fileParallelism: false,
    hookTimeout: 180_000,
  },
});
