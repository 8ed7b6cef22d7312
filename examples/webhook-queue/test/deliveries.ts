import { VERIFY_TOKEN } from "@mehery/example-test-kit";
import type { MessageNotificationPayload } from "@mehery/xms-webhooks";

/** A text message notification with its own message id (the spec's `text` example, trimmed). */
export function textMessage(id: string): MessageNotificationPayload {
  return {
    type: "message",
    meta: { appId: "61ec7d9c2ce85742b201c5ab", debug: false, domain: "alex", server: "server.com" },
    messages: [
      {
        id,
        contactId: "wa919988776655_918828218374",
        from: "919988776655",
        timestamp: 1696598000000,
        type: "text",
        text: { body: `order question ${id}` },
      },
    ],
  };
}

/** Posts `body` as the platform does; resolves with the answer's status. */
export async function deliver(url: string, body: unknown): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-verify-token": VERIFY_TOKEN },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}
