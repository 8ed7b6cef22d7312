import { describe, expect, test } from "vitest";
import { createWebhooks } from "../../src/index.js";
import { createTokenVerifier } from "../../src/verify-token.js";
import { textExample, webhookRequest } from "../helpers/requests.js";

describe("the token check", () => {
  const verifier = (tokens: readonly string[]) => createTokenVerifier(tokens);

  test("accepts the configured token", async () => {
    expect(await verifier(["s3cret"])("s3cret")).toBe(true);
  });

  test.each([
    ["a shorter token", "s3cre"],
    ["a longer token", "s3cret-and-more"],
    ["a prefix of it", "s"],
    ["an empty token", ""],
    ["the same length, one byte off", "s3creT"],
    ["a much longer token", "s3cret".repeat(1000)],
    ["a token with a NUL after it", "s3cret\u0000"],
    ["the token with its last character cut and a NUL at the start", "\u0000s3cre"],
    ["another character in the middle", "s3Xret"],
  ])("rejects %s (unequal lengths included)", async (_, presented) => {
    expect(await verifier(["s3cret"])(presented)).toBe(false);
  });

  test("rejects a missing header, even when a configured token would hash like an empty one", async () => {
    expect(await verifier(["s3cret"])(null)).toBe(false);
  });

  test("accepts each token of a rotation list, and nothing else", async () => {
    const verify = verifier(["old-token", "new-token", "next-token"]);
    expect(await verify("old-token")).toBe(true);
    expect(await verify("new-token")).toBe(true);
    expect(await verify("next-token")).toBe(true);
    expect(await verify("other-token")).toBe(false);
    expect(await verify("old-tokennew-token")).toBe(false);
  });

  test("compares multibyte tokens character by character", async () => {
    const verify = verifier(["clé-🔑"]);
    expect(await verify("clé-🔑")).toBe(true);
    expect(await verify("cle-🔑")).toBe(false);
    expect(await verify("clé-🔒")).toBe(false);
    // Lone surrogates are not folded into one replacement character (as UTF-8 encoding would).
    expect(verifier(["a\ud800"])("a\udbff")).toBe(false);
  });

  test("a configured token that ends in NULs matches only itself, not a shorter value", () => {
    const verify = verifier(["s3cret\u0000\u0000"]);
    expect(verify("s3cret")).toBe(false);
    expect(verify("s3cret\u0000")).toBe(false);
    expect(verify("s3cret\u0000\u0000")).toBe(true);
  });
});

describe("where the check runs", () => {
  test("without node:crypto or Web Crypto (a Worker, a browser), synchronously", () => {
    const original = Object.getOwnPropertyDescriptor(process, "getBuiltinModule");
    const subtle = Object.getOwnPropertyDescriptor(globalThis, "crypto");
    Object.defineProperty(process, "getBuiltinModule", { value: undefined, configurable: true });
    Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true });
    try {
      const verify = createTokenVerifier(["s3cret"]);
      expect(verify("s3cret")).toBe(true);
      expect(verify("s3creT")).toBe(false);
      expect(verify(null)).toBe(false);
    } finally {
      if (original) Object.defineProperty(process, "getBuiltinModule", original);
      if (subtle) Object.defineProperty(globalThis, "crypto", subtle);
    }
  });
});

describe("handle() and the token", () => {
  test("handle() lets a rotated-in token through and keeps the old one working", async () => {
    const webhooks = createWebhooks({ verifyToken: ["old-token", "new-token"] });
    for (const token of ["old-token", "new-token"]) {
      const response = await webhooks.handle(
        webhookRequest(textExample, { headers: { "x-verify-token": token } }),
      );
      expect(response.status).toBe(200);
    }
    const response = await webhooks.handle(
      webhookRequest(textExample, { headers: { "x-verify-token": "older-token" } }),
    );
    expect(response.status).toBe(401);
  });
});
