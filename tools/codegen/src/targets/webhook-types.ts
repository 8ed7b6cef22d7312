import type { Target } from "./target.js";

/** packages/webhook-types: @mehery/xms-webhook-types. */
export const webhookTypes: Target = async () => [];
