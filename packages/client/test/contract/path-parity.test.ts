// The path API is openapi-fetch with a retry policy: for a call that needs no retry, it must send
// what bare openapi-fetch sends and resolve to what bare openapi-fetch resolves to. Each case runs
// through both, against one recording server on 127.0.0.1, and the two are compared.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { paths } from "@mehery/xms-types";
import createFetchClient from "openapi-fetch";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createClient } from "../../src/index.js";
import { startFaultServer, type FaultServer } from "../helpers/fault-server.js";

type Loose = (path: string, init?: object) => Promise<Record<string, unknown>>;

/** How the server answers, by the request's `x-answer` header. */
const answers: Record<string, (res: ServerResponse) => void> = {
  json: (res) =>
    res
      .writeHead(200, { "content-type": "application/json" })
      .end('{"results":[{"id":"c1"}],"message":"OK"}'),
  "json-length": (res) => {
    const body = '{"data":{"id":"m1"}}';
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  },
  empty: (res) => res.writeHead(200, { "content-length": "0" }).end(),
  "no-content": (res) => res.writeHead(204).end(),
  "bad-request": (res) =>
    res
      .writeHead(400, { "content-type": "application/json" })
      .end('{"message":"Invalid request","errors":[{"field":"to.phone"}]}'),
  html: (res) => res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>"),
};

let server: FaultServer;
let seen: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];
beforeAll(async () => {
  server = await startFaultServer((req: IncomingMessage, res, _attempt, body) => {
    const { "user-agent": _ua, host: _host, connection: _c, ...headers } = req.headers;
    seen.push({ method: req.method!, url: req.url!, headers, body });
    (answers[String(req.headers["x-answer"] ?? "json")] ?? answers.json!)(res);
  });
});
afterAll(() => server.close());

const headers = { "x-api-key": "k", "x-api-id": "i" };
function clients() {
  const bare = createFetchClient<paths>({ baseUrl: server.url, headers });
  const xms = createClient({ apiKey: "k", apiId: "i", baseUrl: server.url, maxRetries: 0 });
  return { bare, xms };
}

/** What a call resolved to, with the response reduced to what can be compared. */
async function outcome(call: Promise<Record<string, unknown>>) {
  const { response, data, ...rest } = await call;
  const r = response as Response;
  const body =
    data instanceof ReadableStream
      ? { stream: await new Response(data).text() }
      : data instanceof Blob
        ? { blob: await data.text(), type: data.type }
        : data instanceof ArrayBuffer
          ? { arrayBuffer: new TextDecoder().decode(data) }
          : { data };
  return {
    ...rest,
    ...body,
    status: r.status,
    ok: r.ok,
    url: r.url,
    contentType: r.headers.get("content-type"),
  };
}

const cases: [name: string, method: string, path: string, init: Record<string, unknown>][] = [
  [
    "a GET with a query",
    "GET",
    "/api/v1/config/channels",
    { params: { query: { sabdnox: true } } },
  ],
  [
    "a GET with its own headers",
    "GET",
    "/api/v1/config/channels",
    { headers: { "x-trace": "t1" } },
  ],
  [
    "a header set to null is not sent",
    "GET",
    "/api/v1/config/channels",
    { headers: { "x-api-id": null } },
  ],
  [
    "a POST with a JSON body",
    "POST",
    "/api/v1/message/send",
    {
      body: { channelId: "c", to: { phone: "1" }, type: "text", text: { body: "hi" } },
      headers: { "x-answer": "json-length" },
    },
  ],
  [
    "a POST with its own bodySerializer",
    "POST",
    "/api/v1/session/close",
    {
      body: { sessionId: "s1" },
      bodySerializer: (body: unknown) => `serialized:${JSON.stringify(body)}`,
    },
  ],
  [
    "a GET with its own querySerializer",
    "GET",
    "/api/v1/config/tmpl/hsm",
    {
      params: { query: { channelId: "c1" } },
      querySerializer: () => "custom=1",
    },
  ],
  [
    "a call with its own middleware",
    "GET",
    "/api/v1/config/channels",
    {
      middleware: [
        {
          onRequest: ({ request }: { request: Request }) => {
            request.headers.set("x-middleware", String(request instanceof Request));
            return request;
          },
        },
      ],
    },
  ],
  ["a call with its own baseUrl", "GET", "/api/v1/config/channels", { baseUrl: `${"BASE"}/other` }],
  ["parseAs text", "GET", "/api/v1/config/channels", { parseAs: "text" }],
  ["parseAs blob", "GET", "/api/v1/config/channels", { parseAs: "blob" }],
  ["parseAs arrayBuffer", "GET", "/api/v1/config/channels", { parseAs: "arrayBuffer" }],
  ["parseAs stream", "GET", "/api/v1/config/channels", { parseAs: "stream" }],
  [
    "a 200 with content-length 0",
    "GET",
    "/api/v1/config/channels",
    { headers: { "x-answer": "empty" } },
  ],
  [
    "a 204",
    "POST",
    "/api/v1/session/resolve",
    { body: { sessionId: "s1" }, headers: { "x-answer": "no-content" } },
  ],
  [
    "a 400 with the error envelope",
    "POST",
    "/api/v1/message/send",
    { body: {}, headers: { "x-answer": "bad-request" } },
  ],
  ["an HTML 404", "GET", "/api/v1/config/channels", { headers: { "x-answer": "html" } }],
  ["a HEAD", "HEAD", "/api/v1/config/channels", {}],
];

test.each(cases)(
  "%s: the path API sends and resolves to what bare openapi-fetch does",
  async (_name, method, path, rawInit) => {
    const init = JSON.parse(JSON.stringify(rawInit).replaceAll("BASE", server.url)) as Record<
      string,
      unknown
    >;
    for (const key of ["bodySerializer", "querySerializer", "middleware"])
      if (key in rawInit) init[key] = rawInit[key];
    const { bare, xms } = clients();
    seen = [];
    const viaBare = await outcome((bare as unknown as Record<string, Loose>)[method]!(path, init));
    const viaXms = await outcome((xms as unknown as Record<string, Loose>)[method]!(path, init));
    expect(seen).toHaveLength(2);
    expect(viaXms).toEqual(viaBare);
    expect(seen[1]).toEqual(seen[0]);
  },
);
