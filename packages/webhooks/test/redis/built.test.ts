/** The built `./redis` entry (run `pnpm build` first; turbo does): what users import. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import type * as RedisEntry from "../../src/redis.js";

const require = createRequire(import.meta.url);
const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

describe("the built @mehery/xms-webhooks/redis", () => {
  test.each(["redis.js", "redis.cjs"])(
    "dist/%s imports and requires nothing: no Redis library, not the main entry",
    (file) => {
      const source = readFileSync(dist(file), "utf8");
      expect(source).not.toMatch(
        /^\s*import\s|\bfrom\s*["']|\brequire\(\s*["']|\bimport\(\s*["']/m,
      );
    },
  );

  test("resolves through the package's exports, from ESM and CommonJS, to createRedisDedupeStore", async () => {
    // A variable, so that the type check (which may run before the build) does not resolve it.
    const entry = "@mehery/xms-webhooks/redis";
    const esm = (await import(/* @vite-ignore */ entry)) as typeof RedisEntry;
    const cjs = require(entry) as typeof RedisEntry;
    for (const entry of [esm, cjs]) {
      const store = entry.createRedisDedupeStore({ sendCommand: async () => "OK" });
      expect(await store.claim("k", 1_000)).toBe(true);
    }
  });
});
