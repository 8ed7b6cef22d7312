import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The end-to-end tests run git and the built CLI; give them room on a 2-core machine.
    testTimeout: 60_000,
  },
});
