import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The linter test starts Redocly CLI twice (about 2 s each on a 2-core machine).
    testTimeout: 60_000,
  },
});
