import { describe, expect, test } from "vitest";
import { createMemoryDedupeStore, createWebhooks, type WebhooksOptions } from "../../src/index.js";

const bad: Array<[string, unknown]> = [
  ["an empty token", { verifyToken: "" }],
  ["a blank token", { verifyToken: "   " }],
  ["an empty token list", { verifyToken: [] }],
  ["a list with a blank token", { verifyToken: ["good", " "] }],
  ["a token that is not a string", { verifyToken: 42 }],
  ["no token", {}],
  ["an unknown validate mode", { verifyToken: "t", validate: "loose" }],
  ["validate: true", { verifyToken: "t", validate: true }],
  ["maxBodyBytes 0", { verifyToken: "t", maxBodyBytes: 0 }],
  ["maxBodyBytes NaN", { verifyToken: "t", maxBodyBytes: Number.NaN }],
  ["a negative contactInfoTimeoutMs", { verifyToken: "t", contactInfoTimeoutMs: -1 }],
  ["onError that is not a function", { verifyToken: "t", onError: "log" }],
  ["dedupe: a store without claim or has", { verifyToken: "t", dedupe: { store: {} } }],
  [
    "dedupe: claim without release",
    { verifyToken: "t", dedupe: { store: { claim: async () => true } } },
  ],
  ["dedupe.ttlMs 0", { verifyToken: "t", dedupe: { ttlMs: 0 } }],
  ["dedupe: a string", { verifyToken: "t", dedupe: "memory" }],
];

describe("createWebhooks()", () => {
  test.each(bad)("throws at creation on %s, with the package prefix", (_, options) => {
    expect(() => createWebhooks(options as WebhooksOptions)).toThrow(/^@mehery\/xms-webhooks: /);
  });

  test("does not put a rejected token in its error message", () => {
    const secret = "  ";
    try {
      createWebhooks({ verifyToken: ["s3cr3t-token-value", secret] });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain("s3cr3t-token-value");
    }
  });

  test("accepts a token, a list of tokens and every documented option", () => {
    expect(() => createWebhooks({ verifyToken: "t" })).not.toThrow();
    expect(() =>
      createWebhooks({
        verifyToken: ["old", "new"],
        validate: "strict",
        maxBodyBytes: 2048,
        onError: () => {},
        dedupe: { store: createMemoryDedupeStore({ maxEntries: 10 }), ttlMs: 1000 },
        contactInfoTimeoutMs: 100,
      }),
    ).not.toThrow();
    expect(() => createWebhooks({ verifyToken: "t", validate: false, dedupe: true })).not.toThrow();
  });

  test("onContactInfo() can be set once only", () => {
    const webhooks = createWebhooks({ verifyToken: "t" });
    webhooks.onContactInfo(() => ({}));
    expect(() => webhooks.onContactInfo(() => ({}))).toThrow(/already/);
  });

  test("on() rejects a handler that is not a function", () => {
    const webhooks = createWebhooks({ verifyToken: "t" });
    expect(() => webhooks.on("message", "nope" as never)).toThrow(/^@mehery\/xms-webhooks: /);
  });

  test("createMemoryDedupeStore() rejects a maxEntries below 1", () => {
    expect(() => createMemoryDedupeStore({ maxEntries: 0 })).toThrow(/maxEntries/);
  });
});
