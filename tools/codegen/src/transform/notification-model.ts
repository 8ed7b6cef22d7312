import { literal } from "../names.js";
import type { NotificationKind, NotificationModel } from "../read/notification.js";

function list(values: readonly string[]): string {
  return `[${values.map(literal).join(", ")}]`;
}

function kindSource({ kind, list: items, subtype }: NotificationKind): string {
  const fields = [`kind: ${literal(kind)}`, `list: ${literal(items)}`];
  if (subtype) {
    fields.push(`subtype: { field: ${literal(subtype.field)}, known: ${list(subtype.known)} }`);
  }
  return `    { ${fields.join(", ")} },`;
}

/**
 * The notification model as data for the receiver (packages/webhooks): it routes and dispatches
 * by it, and names none of the kinds, lists or paths itself.
 */
export function transformNotificationModel(model: NotificationModel): string {
  const paths = Object.entries(model.paths)
    .map(([kind, path]) => `    ${kind}: ${literal(path)},`)
    .join("\n");
  return `/**
 * What the spec says of its webhooks, as the receiver reads it (\`x-sdk-items\`,
 * \`x-webhook-path\`).
 */
export const notificationModel = {
  /** The kinds of item a notification carries, in dispatch order. */
  kinds: [
${model.kinds.map(kindSource).join("\n")}
  ],
  /** Every list of a notification: the items' and the ones they refer to. */
  lists: ${list(model.lists)},
  /** Each webhook's path, relative to the webhook URL. */
  paths: {
${paths}
  },
} as const;
`;
}
