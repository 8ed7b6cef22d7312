import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const packageJsonPath = fileURLToPath(new URL("../../package.json", import.meta.url));
const require = createRequire(packageJsonPath);
const manifest = JSON.parse(readFileSync(packageJsonPath, "utf8")) as {
  exports: Record<string, unknown>;
  files: string[];
};

describe("@mehery/xms-types/openapi.json ships the spec for other languages and tools", () => {
  test("the subpath resolves through the package's exports to the generated file, which is published", () => {
    expect(require.resolve("@mehery/xms-types/openapi.json")).toBe(
      fileURLToPath(new URL("../../openapi.json", import.meta.url)),
    );
    expect(manifest.exports["./openapi.json"]).toBe("./openapi.json");
    expect(manifest.files).toContain("openapi.json");
  });

  test("it imports as JSON from ESM and is the OpenAPI 3.1 document of the API", async () => {
    const { default: spec } = (await import("@mehery/xms-types/openapi.json", {
      with: { type: "json" },
    })) as { default: Record<string, any> };
    expect(spec["openapi"]).toBe("3.1.0");
    expect(Object.keys(spec["paths"])).toHaveLength(12);
    expect(Object.keys(spec["webhooks"])).toEqual(["messageNotification", "contactInfoRequest"]);
    // x-api-key alone, or with x-api-id.
    expect(spec["security"]).toEqual([{ apiKey: [], apiId: [] }, { apiKey: [] }]);
    // vitest transforms the 80 KB JSON module on import: seconds on a loaded 2-core machine.
  }, 30_000);

  test("it is plain JSON that a YAML 1.1 reader would not change: ContactMeta.lang holds the string NO", () => {
    const spec = require("@mehery/xms-types/openapi.json") as Record<string, any>;
    expect(spec["components"]["schemas"]["ContactMeta"]["properties"]["lang"]["enum"]).toContain(
      "NO",
    );
  });
});
