// @ts-check
/**
 * The smoke test every runtime runs, in plain JavaScript so that Node, Bun, Deno and a browser
 * all load it as it is (it is type-checked with checkJs). It takes the package modules as
 * arguments, so the ESM entry imports them and the CommonJS entry requires them: each format's
 * build is the one exercised. It returns what it saw; the runner judges it (src/checks.ts).
 */

export const verifyToken = "runtime-matrix-verify-token";

/**
 * The package modules as either format loads them: the ESM and CommonJS builds have declaration
 * files of their own (.d.ts, .d.cts), so their types are distinct though alike.
 *
 * @typedef {Pick<typeof import("@mehery/xms-client"), "createClient">
 *   | Pick<typeof import("@mehery/xms-client", { with: { "resolution-mode": "require" } }), "createClient">} ClientModule
 * @typedef {Pick<typeof import("@mehery/xms-webhooks"), "createWebhooks">
 *   | Pick<typeof import("@mehery/xms-webhooks", { with: { "resolution-mode": "require" } }), "createWebhooks">} WebhooksModule
 */

/**
 * Lists the channels and sends a text message through the client, against the mock server: once
 * with the resource methods, once with the path API (openapi-fetch under the client's retrying
 * fetch, which hands the host's fetch a URL and openapi-fetch's init).
 *
 * @param {ClientModule} clientModule
 * @param {string} baseUrl
 * @param {{ dangerouslyAllowBrowser?: boolean }} [options] what a browser page must pass
 */
export async function clientSmoke(clientModule, baseUrl, options = {}) {
  const client = clientModule.createClient({
    apiKey: "runtime-matrix-key",
    apiId: "runtime-matrix-id",
    baseUrl,
    ...options,
  });
  const message = {
    channelId: "wa360:918828218374",
    to: { phone: "919988776655" },
    type: /** @type {const} */ ("text"),
    text: { body: "Your order has shipped." },
  };
  const channels = await client.config.listChannels();
  const receipt = await client.messages.send(message);
  // The ESM and CommonJS declarations give `GET` two generic signatures that TypeScript cannot
  // call as a union; a program loads one format, so the path API is typed as the ESM one here.
  const paths = /** @type {import("@mehery/xms-client").XmsPathClient} */ (client);
  const viaPath = await paths.GET("/api/v1/config/channels");
  const sentViaPath = await paths.POST("/api/v1/message/send", { body: message });
  return {
    channels: JSON.stringify(channels),
    receipt: JSON.stringify(receipt),
    pathChannels: `${viaPath.response.status} ${JSON.stringify(viaPath.data)}`,
    pathReceipt: `${sentViaPath.response.status} ${JSON.stringify(sentViaPath.data)}`,
  };
}

/**
 * Feeds the webhook handler one delivery with the right token and one with a wrong token.
 *
 * @param {WebhooksModule} webhooksModule
 */
export async function webhooksSmoke(webhooksModule) {
  const webhooks = webhooksModule.createWebhooks({ verifyToken });
  /** @type {string[]} */
  const texts = [];
  webhooks.on("message.text", ({ payload }) => {
    texts.push(payload.text.body);
  });
  const valid = await webhooks.handle(delivery(verifyToken, "matrix-1"));
  const invalid = await webhooks.handle(delivery("not-the-token", "matrix-2"));
  return { valid: valid.status, invalid: invalid.status, texts };
}

/**
 * A message notification as the platform POSTs it (the spec's text example).
 *
 * @param {string} token
 * @param {string} messageId
 */
function delivery(token, messageId) {
  const body = {
    type: "message",
    meta: { appId: "61ec7d9c2ce85742b201c5ab", debug: false, domain: "alex", server: "server.com" },
    contacts: [
      {
        contactId: "wa919988776655_918828218374",
        channelId: "wa360:918828218374",
        contactType: "WHATSAPP",
        csid: "919988776655",
        lane: "918828218374",
        profile: { name: "John Doe", phone: "919988776655" },
      },
    ],
    messages: [
      {
        id: messageId,
        contactId: "wa919988776655_918828218374",
        from: "919988776655",
        timestamp: 1696598000000,
        type: "text",
        text: { body: `Hi, where is my order? (${messageId})` },
      },
    ],
  };
  return new Request("http://127.0.0.1/xms/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", "x-verify-token": token },
    body: JSON.stringify(body),
  });
}
