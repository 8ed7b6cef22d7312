import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { pathnameOf } from "../../src/routing.js";

/** What URL says, the reference the fast path must agree with. */
function byUrl(url: string): string | undefined {
  try {
    return new URL(url, "http://localhost").pathname;
  } catch {
    return undefined;
  }
}

describe("pathnameOf", () => {
  test.each([
    ["/webhooks", "/webhooks"],
    ["/webhooks/api/v1/message/receive?x=1#f", "/webhooks/api/v1/message/receive"],
    ["/a#b?c", "/a"],
    ["/a/../webhooks", "/webhooks"],
    ["/./webhooks", "/webhooks"],
    ["//evil.example/webhooks", "/webhooks"],
    ["/a\\b", "/a/b"],
    ["/a b", "/a%20b"],
    ["/caf\u00e9", "/caf%C3%A9"],
    ["http://host:1/x/y?z", "/x/y"],
    ["/.well-known/x", "/.well-known/x"],
  ])("%j has the pathname %j, as URL gives it", (url, want) => {
    expect(pathnameOf(url)).toBe(want);
    expect(pathnameOf(url)).toBe(byUrl(url));
  });

  test("agrees with URL on any string made of path characters, dots, slashes and oddities", () => {
    const char = fc.constantFrom(..."/./..a-Z_~%20?#\\ é:@!$&'()*+,;=[]{}|^`\"<>\t".split(""));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const url = `/${chars.join("")}`;
        expect(pathnameOf(url)).toBe(byUrl(url));
      }),
      { numRuns: 5_000 },
    );
  });
});
