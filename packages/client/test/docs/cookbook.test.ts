import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileModules, fencedBlocks } from "@mehery/docs-check";
import { expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cookbook = readFileSync(`${root}COOKBOOK.md`, "utf8");
const blocks = fencedBlocks(cookbook);

test("the cookbook has an example per message kind and per task", () => {
  for (const kind of [
    "text",
    "image",
    "video",
    "audio",
    "document",
    "location",
    "contacts",
    "optin",
    "optout",
  ]) {
    expect(cookbook).toContain(`type: "${kind}"`);
  }
  expect(cookbook).toMatch(
    /type: "template",\n\s+template: \{ code: "FEEDBACK", lang: "en_US", data:/,
  );
  for (const task of [
    "traceId",
    "xms.GET(",
    "signal: controller.signal",
    "maxRetries: 5",
    "fetch: viaProxy",
    'logLevel: "debug"',
  ]) {
    expect(cookbook).toContain(task);
  }
});

test("every fenced block is TypeScript, so every one is compiled", () => {
  expect(blocks.filter((b) => b.info != "ts")).toEqual([]);
});

test(
  "every ts block of COOKBOOK.md compiles under strict and exactOptionalPropertyTypes",
  { timeout: 120_000 },
  () => {
    const compiled = blocks.filter((b) => b.info == "ts");
    expect(compiled.length).toBeGreaterThan(10);
    // The first block is the shared client that the others import as "./client.js".
    const errors = compileModules(
      Object.fromEntries(
        compiled.map((b, i) =>
          i == 0 ? ["client.ts", b.code] : [`example-${i}.ts`, `${b.code}\nexport {};\n`],
        ),
      ),
      {
        packageDir: root,
        paths: { "@mehery/xms-client": ["src/index.ts"] },
        exactOptionalPropertyTypes: true,
      },
    );
    expect(errors).toEqual([]);
  },
);
