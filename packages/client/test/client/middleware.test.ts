import { expect, test } from "vitest";
import { createClient } from "../../src/index.js";
import {
  apiId,
  apiKey,
  json,
  okBody,
  startFaultServer,
  textMessage,
} from "../helpers/fault-server.js";

test("a middleware may replace the request with a plain Request: the send keeps its body and the retry policy", async () => {
  const bodies: string[] = [];
  const server = await startFaultServer((req, res, attempt, body) => {
    bodies.push(body);
    if (attempt == 1) json(res, 429, {}, { "retry-after": "0" });
    else json(res, 200, { ...okBody, tenant: req.headers["x-tenant"] });
  });
  const xms = createClient({ apiKey, apiId, baseUrl: server.url });
  xms.use({
    onRequest: ({ request }) => {
      const headers = new Headers(request.headers);
      headers.set("x-tenant", "acme");
      return new Request(request, { headers });
    },
  });
  await expect(xms.messages.send(textMessage)).resolves.toMatchObject({ tenant: "acme" });
  // The 429 was retried with the same body.
  expect(bodies).toEqual([JSON.stringify(textMessage), JSON.stringify(textMessage)]);
  await server.close();
});

test("resource methods see the middlewares while registered, and not after eject", async () => {
  const tenants: unknown[] = [];
  const server = await startFaultServer((req, res) => {
    tenants.push(req.headers["x-tenant"]);
    json(res, 200, okBody);
  });
  const xms = createClient({ apiKey, apiId, baseUrl: server.url });
  const tenant = {
    onRequest: ({ request }: { request: Request }) => {
      request.headers.set("x-tenant", "acme");
      return request;
    },
  };
  xms.use(tenant);
  await xms.config.listChannels();
  xms.eject(tenant);
  await xms.config.listChannels();
  expect(tenants).toEqual(["acme", undefined]);
  await server.close();
});
