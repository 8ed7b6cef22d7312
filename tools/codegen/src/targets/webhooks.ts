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
import { validatorSources, type Validated } from "../transform/webhook-validators.js";
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
  const { js, dts } = validatorSources(spec, VALIDATED);
  const files: GeneratedFile[] = [
    { path: "src/generated/validators.js", contents: js },
    { path: "src/generated/validators.d.ts", contents: dts },
    { path: "src/generated/examples.ts", contents: examplesSource(spec, EXAMPLE_TYPES) },
    {
      path: "src/generated/notification.ts",
      contents: transformNotificationModel(notificationModelOf(spec, listOperations(spec))),
    },
  ];
  for (const file of files) {
    file.contents = await formatGenerated(file.contents, repoRoot, file.path);
  }
  return files;
};
