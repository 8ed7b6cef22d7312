import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Building the page and driving Chromium take seconds on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
