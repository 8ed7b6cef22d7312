import { formatGenerated } from "../format.js";
import { listOperations } from "../read/operations.js";
import { buildEventMap, transformEventMap } from "../transform/webhook-event-map.js";
import { transformWebhookPayloads } from "../transform/webhook-payloads.js";
import type { Target } from "./target.js";

const TYPES_PACKAGE = "@mehery/xms-types";

/** packages/webhook-types: @mehery/xms-webhook-types. */
export const webhookTypes: Target = async ({ spec, repoRoot }) => {
  const ops = listOperations(spec);
  const files = {
    "src/generated/payloads.ts": transformWebhookPayloads(ops, TYPES_PACKAGE),
    "src/generated/events.ts": transformEventMap(buildEventMap(spec, ops), TYPES_PACKAGE),
  };
  return Promise.all(
    Object.entries(files).map(async ([path, source]) => ({
      path,
      contents: await formatGenerated(source, repoRoot),
    })),
  );
};
