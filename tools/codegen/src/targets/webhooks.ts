/**
 * packages/webhooks: @mehery/xms-webhooks. Emits
 *
 * - `src/generated/validators.js` (+ `.d.ts`): standalone validators of the three webhook bodies,
 *   strict and lenient, importing nothing (see transform/webhook-validators.ts);
 * - `src/generated/examples.ts`: the example payloads the spec gives each webhook, by name;
 * - `src/generated/notification.ts`: the notification model the receiver dispatches by.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#oasWebhooks
 */
import { formatGenerated } from "../format.js";
import { notificationModelOf } from "../read/notification.js";
import { listOperations } from "../read/operations.js";
import { transformNotificationModel } from "../transform/notification-model.js";
import { examplesSource, type ExampleTypes } from "../transform/webhook-examples.js";
import { validatorDeclarations, type Validated } from "../transform/webhook-validators.js";
import { validatorsThread } from "../validators.js";
import type { GeneratedFile, Target } from "./target.js";

/** The validators, by export name: which schema they check. */
const VALIDATED: Validated = {
  notification: "InBoundWrapper",
  contactInfoRequest: "InBoundContact",
  contactInfoResponse: "ContactInfoUpdate",
};

/** Types of @mehery/xms-webhook-types that the examples are checked against, by operationId. */
const EXAMPLE_TYPES: ExampleTypes = {
  messageNotification: { request: "MessageNotificationPayload" },
  contactInfoRequest: { request: "ContactInfoRequestPayload", response: "ContactInfoResponse" },
};

export const webhooks: Target = async ({ spec, repoRoot }) => {
  // Compiled on their own thread, and printed by esbuild rather than prettier (see format.ts).
  const validators = validatorsThread.run({ spec, validated: VALIDATED });
  const formatted = async (path: string, source: string): Promise<GeneratedFile> => ({
    path,
    contents: await formatGenerated(source, repoRoot, path),
  });
  const model = notificationModelOf(spec, listOperations(spec));
  const [declarations, examples, notification] = await Promise.all([
    formatted("src/generated/validators.d.ts", validatorDeclarations(VALIDATED)),
    formatted("src/generated/examples.ts", examplesSource(spec, EXAMPLE_TYPES)),
    formatted("src/generated/notification.ts", transformNotificationModel(model)),
  ]);
  return [
    { path: "src/generated/validators.js", contents: await validators },
    declarations,
    examples,
    notification,
  ];
};
