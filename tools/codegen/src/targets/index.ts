import { client } from "./client.js";
import type { Target } from "./target.js";
import { types } from "./types.js";
import { webhookTypes } from "./webhook-types.js";
import { webhooks } from "./webhooks.js";

export type { GeneratedFile, Target, TargetContext } from "./target.js";

/** Every target, by the name `xms-codegen <target>` takes. */
export const targets: Record<string, Target> = {
  types,
  "webhook-types": webhookTypes,
  client,
  webhooks,
};
