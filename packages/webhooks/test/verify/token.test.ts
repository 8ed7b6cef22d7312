import { createHash } from "node:crypto";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createWebhooks } from "../../src/index.js";
import { createTokenVerifier, nodeSha256 } from "../../src/verify-token.js";
import { textExample, webhookRequest } from "../helpers/requests.js";

// Every case runs against both ways of hashing: node:crypto (synchronous; Node, Bun, Deno) and
// Web Crypto (Workers, browsers), which the first hides on Node unless forced.
const paths = [
  ["node:crypto", {}],
  ["Web Crypto", { webCryptoOnly: true }],
] as const;

describe.each(paths)("the token check (%s)", (_, options) => {
  const verifier = (tokens: readonly string[]) => createTokenVerifier(tokens, options);

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

  test("compares multibyte tokens as UTF-8", async () => {
    const verify = verifier(["clé-🔑"]);
    expect(await verify("clé-🔑")).toBe(true);
    expect(await verify("cle-🔑")).toBe(false);
  });
});

describe("the choice of hash", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test("a runtime without process.getBuiltinModule (Workers, browsers) gets Web Crypto", async () => {
    const original = Object.getOwnPropertyDescriptor(process, "getBuiltinModule");
    Object.defineProperty(process, "getBuiltinModule", { value: undefined, configurable: true });
    try {
      expect(nodeSha256()).toBeUndefined();
      const verify = createTokenVerifier(["s3cret"]);
      expect(verify("s3cret")).toBeInstanceOf(Promise);
      expect(await verify("s3cret")).toBe(true);
      expect(await verify("s3creT")).toBe(false);
    } finally {
      if (original) Object.defineProperty(process, "getBuiltinModule", original);
    }
  });

  test("a node:crypto without the one-shot hash() (Bun, older Deno) uses createHash()", () => {
    vi.spyOn(process, "getBuiltinModule").mockReturnValue({ createHash });
    const verify = createTokenVerifier(["s3cret"]);
    expect(verify("s3cret")).toBe(true);
    expect(verify("s3creT")).toBe(false);
    expect(verify(null)).toBe(false);
  });

  test("on Node the check is synchronous (node:crypto), and Web Crypto only when forced", async () => {
    const sync = createTokenVerifier(["s3cret"])("s3cret");
    expect(sync).toBe(true);
    const forced = createTokenVerifier(["s3cret"], { webCryptoOnly: true })("s3cret");
    expect(forced).toBeInstanceOf(Promise);
    expect(await forced).toBe(true);
  });

  test("node:crypto's digest is SHA-256 of the UTF-8 bytes, as Web Crypto's is", async () => {
    const sha256 = nodeSha256();
    expect(sha256).toBeDefined();
    const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
    // FIPS 180-2, appendix B.1.
    expect(hex(sha256!("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    for (const text of ["", "clé-🔑", "\ud800 lone surrogate"]) {
      const web = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
      expect(hex(sha256!(text))).toBe(hex(new Uint8Array(web)));
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
