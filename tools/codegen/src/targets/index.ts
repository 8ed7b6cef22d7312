import type { Target } from "./target.js";

export type { GeneratedFile, Target, TargetContext } from "./target.js";

// Each target is imported when it runs, not when the CLI starts: `xms-codegen client` need not
// load openapi-typescript and TypeScript, and only `webhooks` needs ajv.

/**
 * The package each target generates into (its `src/generated/`), relative to the repository root:
 * `xms-codegen all` writes every one of them from one reading of the spec.
 */
export const targetPackages: Readonly<Record<string, string>> = {
  // In the order `all` starts them: the two that hand their longest work to a thread first.
  types: "packages/types",
  webhooks: "packages/webhooks",
  client: "packages/client",
  "webhook-types": "packages/webhook-types",
};

/** Every target, by the name `xms-codegen <target>` takes. */
export const targets: Record<string, Target> = {
  types: async (ctx) => (await import("./types.js")).types(ctx),
  webhooks: async (ctx) => (await import("./webhooks.js")).webhooks(ctx),
  client: async (ctx) => (await import("./client.js")).client(ctx),
  "webhook-types": async (ctx) => (await import("./webhook-types.js")).webhookTypes(ctx),
};
