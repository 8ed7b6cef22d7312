import type { Target } from "./target.js";

/**
 * packages/webhooks: @mehery/xms-webhooks. A stub for now: the webhook validators are generated
 * here once that package exists. Keep the signature.
 */
export const webhooks: Target = async () => [];
