import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The tests run the webhook simulator as child processes, several per test: on a loaded
    // machine a test can take a minute.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
