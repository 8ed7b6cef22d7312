import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test runs openapi-typescript and prettier over a whole spec: seconds, not milliseconds.
    testTimeout: 60_000,
  },
});
