import { register } from "node:module";
import type { Target } from "./target.js";

export type { GeneratedFile, Target, TargetContext } from "./target.js";

// Each target is imported when it runs, not when the CLI starts: `xms-codegen client` need not
// load openapi-typescript and TypeScript, and only `webhooks` needs ajv.

let hooked = false;

/**
 * The package each target generates into (its `src/generated/`), relative to the repository root:
 * `xms-codegen all` writes every one of them from one reading of the spec.
 */
export const targetPackages: Readonly<Record<string, string>> = {
  types: "packages/types",
  "webhook-types": "packages/webhook-types",
  client: "packages/client",
  webhooks: "packages/webhooks",
};

/** Every target, by the name `xms-codegen <target>` takes. */
export const targets: Record<string, Target> = {
  types: async (ctx) => {
    // Built (dist/*.js), not run from source by vitest: load TypeScript faster, same module.
    if (!hooked && import.meta.url.endsWith(".js")) {
      register("../typescript-hooks.js", import.meta.url);
      hooked = true;
    }
    return (await import("./types.js")).types(ctx);
  },
  "webhook-types": async (ctx) => (await import("./webhook-types.js")).webhookTypes(ctx),
  client: async (ctx) => (await import("./client.js")).client(ctx),
  webhooks: async (ctx) => (await import("./webhooks.js")).webhooks(ctx),
};
