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

test("the path API keeps the client's own options out of openapi-fetch: a middleware's Request carries none of them, and the call's own fetch cannot replace the retrying one", async () => {
  let attempts = 0;
  const server = await startFaultServer((req, res) => {
    attempts++;
    json(res, attempts == 1 ? 503 : 200, okBody);
  });
  const xms = createClient({ apiKey, apiId, baseUrl: server.url });
  const seen: Record<string, unknown>[] = [];
  xms.use({
    onRequest: ({ request }) => {
      const own = request as unknown as Record<string, unknown>;
      seen.push({
        maxRetries: own.maxRetries,
        timeoutMs: own.timeoutMs,
        deadlineMs: own.deadlineMs,
      });
      return undefined;
    },
  });
  const stray = () => Promise.reject(new Error("the call's own fetch was used"));
  const { data, response } = await xms.GET("/api/v1/config/channels", {
    maxRetries: 1,
    timeoutMs: 5_000,
    deadlineMs: 10_000,
    // Not in the path API's types: a JavaScript caller may still pass it.
    ...({ fetch: stray } as object),
  });
  expect(response.status).toBe(200);
  expect(data).toMatchObject({ status: okBody.status });
  // One retry of the 503, through the client's fetch, and no option leaked onto a Request.
  expect(attempts).toBe(2);
  expect(seen).toEqual([
    { maxRetries: undefined, timeoutMs: undefined, deadlineMs: undefined },
    { maxRetries: undefined, timeoutMs: undefined, deadlineMs: undefined },
  ]);
  await server.close();
});

test("a call's own middleware (openapi-fetch's `middleware` option) gets a real Request, and the retry policy still applies", async () => {
  const server = await startFaultServer((req, res, attempt) => {
    if (attempt == 1) json(res, 503, {});
    else json(res, 200, { ...okBody, tenant: req.headers["x-tenant"] });
  });
  const xms = createClient({ apiKey, apiId, baseUrl: server.url, retryBaseDelayMs: 1 });
  const seen: unknown[] = [];
  const { data } = await xms.GET("/api/v1/config/channels", {
    middleware: [
      {
        onRequest: ({ request }) => {
          seen.push(request instanceof Request);
          request.headers.set("x-tenant", "acme");
          return request;
        },
      },
    ],
  });
  expect(seen).toEqual([true, true]);
  expect(data).toMatchObject({ tenant: "acme" });
  expect(server.attempts).toBe(2);
  await server.close();
});
