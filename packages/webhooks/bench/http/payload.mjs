// The delivery every receiver of the HTTP bench gets: the spec's `text` example of the message
// notification (read through the codegen's spec loader), its body grown so the JSON is ~2 KB,
// as handle.bench.mjs does. The same bytes go to all four receivers.
import { createHmac } from "node:crypto";
import { loadRepoSpec } from "@mehery/xms-codegen";

export const TOKEN = "bench-verify-token-0123456789";
/** @octokit/webhooks' secret: the peer verifies an HMAC-SHA256 of each body with it. */
export const SECRET = "bench-hmac-secret-0123456789";

const { spec } = loadRepoSpec(import.meta.dirname);
const notification = structuredClone(
  spec.webhooks.messageNotification.post.requestBody.content["application/json"].examples.text
    .value,
);
notification.messages[0].text.body = "";
const base = JSON.stringify(notification).length;
notification.messages[0].text.body = "Hi, where is my order? ".repeat(80).slice(0, 2048 - base);

export const body = Buffer.from(JSON.stringify(notification));

/** The headers of each receiver's request: its own credentials, the same body. */
export const headersFor = {
  bare: { "content-type": "application/json", "x-verify-token": TOKEN },
  node: { "content-type": "application/json", "x-verify-token": TOKEN },
  hono: { "content-type": "application/json", "x-verify-token": TOKEN },
  octokit: {
    "content-type": "application/json",
    "x-github-event": "push",
    "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
    "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
  },
};
