import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One worker, modules shared between files: the spec is parsed and each operation's
    // validator compiled once for the whole suite instead of once per file (the mock keeps
    // them per spec file and process). The files share nothing else: each starts its own server.
    isolate: false,
    maxWorkers: 1,
    // The first request to an operation compiles its validator: ~0.3 s on an idle machine, far
    // more when every package's tests run at once on two cores. These are limits, not timings.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
