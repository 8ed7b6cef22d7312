import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The release test installs, publishes, compiles and runs real packages: minutes, not ms.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
