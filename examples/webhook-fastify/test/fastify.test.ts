import type { AddressInfo } from "node:net";
import { contactInfoAnswers, simulate, statuses, VERIFY_TOKEN } from "@mehery/example-test-kit";
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, test } from "vitest";
import { toRequest } from "../src/request.js";
import { createApp } from "../src/server.js";
import { createReceiver } from "../src/webhooks.js";

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** Listens on 127.0.0.1 and resolves to the app's origin. */
async function listen(app: FastifyInstance): Promise<string> {
  apps.push(app);
  await app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describe("the webhooks in a Fastify app", () => {
  test("the app's own JSON routes keep Fastify's parser next to the webhooks", async () => {
    const origin = await listen(createApp({ verifyToken: VERIFY_TOKEN, log: () => {} }));
    const response = await fetch(`${origin}/orders`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: 7 }),
    });
    expect(await response.json()).toEqual({ received: { id: 7 } });
  });

  test("the published sub-path /webhooks/api/v1/contact/info is answered", async () => {
    const seen: string[] = [];
    const origin = await listen(createApp({ verifyToken: VERIFY_TOKEN, log: (l) => seen.push(l) }));
    const run = await simulate(
      `${origin}/webhooks/api/v1/contact/info`,
      VERIFY_TOKEN,
      "--event",
      "contact.info",
    );
    expect(statuses(run.stdout)).toEqual(["contact.info -> 200"]);
    expect(contactInfoAnswers(run.stdout)).toEqual([
      expect.objectContaining({ profileId: "C34567" }),
    ]);
    expect(seen).toEqual(["contact.info for wa919988776655_918828218374: answered C34567"]);
  });

  test("a body that is not JSON is refused by handle() with 415, not parsed by Fastify", async () => {
    const origin = await listen(createApp({ verifyToken: VERIFY_TOKEN, log: () => {} }));
    const response = await fetch(`${origin}/webhooks`, {
      method: "POST",
      headers: { "content-type": "text/plain", "x-verify-token": VERIFY_TOKEN },
      body: "hello",
    });
    expect(response.status).toBe(415);
  });

  test("why the parser is replaced: after Fastify's JSON parser read the stream, handle() gets no body and no handler runs", async () => {
    const seen: string[] = [];
    const webhooks = createReceiver({ verifyToken: VERIFY_TOKEN, log: (l) => seen.push(l) });
    const app = Fastify();
    app.post("/webhooks", (request) => webhooks.handle(toRequest(request.raw)));
    const origin = await listen(app);

    const run = await simulate(`${origin}/webhooks`, VERIFY_TOKEN, "--event", "message.text");
    expect(statuses(run.stdout)).not.toEqual(["message.text -> 200"]);
    expect(run.code).toBe(1);
    expect(seen).toEqual([]);
  });
});
