import { fileURLToPath } from "node:url";
import { compileModules } from "@mehery/docs-check";
import { resources } from "@mehery/xms-client";
import { describe, expect, test } from "vitest";
import { readSpec } from "@mehery/xms-spec-model";
import { codeSamples, withCodeSamples } from "../scripts/code-samples.mjs";
import { SPEC } from "../scripts/build.mjs";

// Untyped, as `yaml` parsed it: the tests reach into paths freely.
const spec = readSpec(SPEC) as Record<string, any>;
const samples = codeSamples(spec, resources);
const pkg = fileURLToPath(new URL("..", import.meta.url));

/** operationId → `xms.<resource>.<method>`, from the client's table. */
function expectedCalls(): Map<string, string> {
  const calls = new Map<string, string>();
  for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(item)) {
      for (const [resource, methods] of Object.entries(resources)) {
        for (const [name, entry] of Object.entries(methods)) {
          if (entry.path == path && entry.method == method.toUpperCase()) {
            calls.set(op.operationId, `xms.${resource}.${name}(`);
          }
        }
      }
    }
  }
  return calls;
}

describe("x-codeSamples", () => {
  test("every operation of paths gets the TypeScript call of its client method", () => {
    const calls = expectedCalls();
    expect(calls.size).toBeGreaterThan(10);
    expect([...samples.keys()].sort()).toEqual([...calls.keys()].sort());
    for (const [operationId, call] of calls) expect(samples.get(operationId)).toContain(call);
  });

  test("a body operation's sample passes the spec's example body", () => {
    expect(samples.get("sendMessage")).toContain(`type: "text"`);
  });

  test("withCodeSamples adds them to a copy and leaves the spec as it was", () => {
    const copy = withCodeSamples(spec, resources);
    expect(copy.paths["/api/v1/message/send"].post["x-codeSamples"]).toEqual([
      { lang: "TypeScript", label: "@mehery/xms-client", source: samples.get("sendMessage") },
    ]);
    expect(spec.paths["/api/v1/message/send"].post["x-codeSamples"]).toBeUndefined();
  });

  test("withCodeSamples refuses an operation no client method calls", () => {
    const stray = structuredClone(spec);
    stray.paths["/nowhere"] = { get: { operationId: "nowhere", responses: {} } };
    expect(() => withCodeSamples(stray, resources)).toThrow(
      "no @mehery/xms-client method calls nowhere",
    );
  });

  test(
    "every sample compiles against @mehery/xms-client's published types",
    { timeout: 120_000 },
    () => {
      // Compiled in this package, so that the samples resolve @mehery/xms-client as a user's
      // project does: from node_modules, through its exports.
      const errors = compileModules(
        Object.fromEntries(
          [...samples].map(([operationId, source]) => [
            `${operationId}.ts`,
            `${source}export {};\n`,
          ]),
        ),
        {
          packageDir: pkg,
          paths: { "@mehery/xms-client": ["node_modules/@mehery/xms-client"] },
          exactOptionalPropertyTypes: true,
        },
      );
      expect(errors).toEqual([]);
    },
  );
});
