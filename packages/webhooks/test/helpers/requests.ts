import type { MessageNotificationPayload } from "@mehery/xms-webhook-types";
import {
  contactInfoRequestExamples,
  messageNotificationExamples,
} from "../../src/generated/examples.js";

export const TOKEN = "test-verify-token-3f9a";

export const notificationExamples: Array<[string, MessageNotificationPayload]> = Object.entries(
  messageNotificationExamples,
);

/** Every item of a notification, in dispatch order: messages, statuses, events, actions. */
export function itemsOf(notification: MessageNotificationPayload): unknown[] {
  return [
    ...(notification.messages ?? []),
    ...(notification.statuses ?? []),
    ...(notification.events ?? []),
    ...(notification.actions ?? []),
  ];
}
export const contactInfoExample = contactInfoRequestExamples.default;
export const textExample = messageNotificationExamples.text;

/** A POST to a webhook URL, as the platform sends it, with overrides. */
export function webhookRequest(
  body: unknown,
  options: { url?: string; method?: string; headers?: Record<string, string | null> } = {},
): Request {
  const headers = new Headers({ "content-type": "application/json", "x-verify-token": TOKEN });
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  const method = options.method ?? "POST";
  return new Request(options.url ?? "http://127.0.0.1/webhooks", {
    method,
    headers,
    body:
      method === "GET" || method === "HEAD"
        ? null
        : typeof body === "string" || body instanceof Uint8Array
          ? body
          : JSON.stringify(body),
  });
}

/** fetch() options for the same POST to a real server. */
export function webhookInit(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", "x-verify-token": TOKEN, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

/** Deep copy, to edit an example without touching the shared one. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** A fresh copy of a spec example notification, typed as any notification (to edit it). */
export function example(
  name: keyof typeof messageNotificationExamples,
): MessageNotificationPayload {
  return structuredClone(messageNotificationExamples[name]);
}
