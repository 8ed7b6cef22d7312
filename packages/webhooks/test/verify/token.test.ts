import { describe, expect, test } from "vitest";
import { createWebhooks } from "../../src/index.js";
import { createTokenVerifier } from "../../src/verify-token.js";
import { textExample, webhookRequest } from "../helpers/requests.js";

describe("the token check", () => {
  test("accepts the configured token", async () => {
    expect(await createTokenVerifier(["s3cret"])("s3cret")).toBe(true);
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
    expect(await createTokenVerifier(["s3cret"])(presented)).toBe(false);
  });

  test("rejects a missing header, even when a configured token would hash like an empty one", async () => {
    expect(await createTokenVerifier(["s3cret"])(null)).toBe(false);
  });

  test("accepts each token of a rotation list, and nothing else", async () => {
    const verify = createTokenVerifier(["old-token", "new-token", "next-token"]);
    expect(await verify("old-token")).toBe(true);
    expect(await verify("new-token")).toBe(true);
    expect(await verify("next-token")).toBe(true);
    expect(await verify("other-token")).toBe(false);
    expect(await verify("old-tokennew-token")).toBe(false);
  });

  test("compares multibyte tokens as UTF-8", async () => {
    const verify = createTokenVerifier(["clé-🔑"]);
    expect(await verify("clé-🔑")).toBe(true);
    expect(await verify("cle-🔑")).toBe(false);
  });

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
