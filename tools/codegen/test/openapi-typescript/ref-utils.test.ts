import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { distDir, REDOCLY_REF_UTILS } from "../../src/openapi-typescript/transforms.js";
import { escapePointer, parseRef } from "../../src/openapi-typescript/ref-utils.js";

/** Redocly's own module, as openapi-typescript's files would require it. */
const redocly = createRequire(join(distDir, "lib", "utils.cjs"))(REDOCLY_REF_UTILS) as {
  parseRef: typeof parseRef;
  escapePointer: typeof escapePointer;
};

describe("the stand-in for @redocly/openapi-core/lib/ref-utils", () => {
  test.each([
    ["a component", "#/components/schemas/Message"],
    ["an escaped slash and tilde", "#/paths/~1api~1v1~1send/post/x~0y"],
    ["a percent-encoded segment", "#/components/schemas/A%20B"],
    ["an empty segment", "#/components//schemas/"],
    ["the document itself", "#/"],
    ["no fragment", "other.yaml"],
    ["a file and a pointer", "other.yaml#/components/schemas/X"],
    ["a bare #", "#"],
    ["an array index", "#/paths/~1a/get/parameters/0"],
  ])("parses %s as Redocly does", (_, ref) => {
    expect(parseRef(ref)).toEqual(redocly.parseRef(ref));
  });

  test.each<[string, string | number]>([
    ["a plain key", "Message"],
    ["a path", "/api/v1/send"],
    ["a tilde", "a~b"],
    ["a media type", "application/json"],
    ["an index", 3],
  ])("escapes %s as Redocly does", (_, fragment) => {
    expect(escapePointer(fragment)).toEqual(redocly.escapePointer(fragment));
  });
});
