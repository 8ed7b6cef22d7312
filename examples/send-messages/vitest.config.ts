import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The tests start the mock server (it compiles the spec's validators) and run the example
    // as a child process under tsx.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
