import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The tests run the receiver under tsx and the webhook simulator, each as a child process.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
