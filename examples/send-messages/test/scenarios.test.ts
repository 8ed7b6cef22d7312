import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createClient,
  isXmsAuthenticationError,
  isXmsBadRequestError,
  isXmsConnectionError,
  isXmsRateLimitError,
  type ClientOptions,
  type XmsClient,
} from "@mehery/xms-client";
import { startMockServer, type MockServer } from "@mehery/xms-mock-server";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { Recipient } from "../src/config.js";
import { describeError } from "../src/describe-error.js";
import { listChannels, listTemplates } from "../src/list-channels.js";
import { sendImage } from "../src/send-media.js";
import { sendTemplate } from "../src/send-template.js";
import { sendText } from "../src/send-text.js";
import { requestExample, responseExample } from "./spec-examples.js";

const SEND = "/api/v1/message/send";
const API_KEY = "example-secret-key";
const to: Recipient = { channelId: "wa360:918828218374", phone: "919988776655" };

interface Sent {
  method: string;
  path: string;
  query: string;
  body: unknown;
}

let mock: MockServer;
let sent: Sent[];

beforeEach(async () => {
  mock = await startMockServer({ port: 0 });
  sent = [];
});
afterEach(() => mock.close());

/** A client of the mock that also keeps what each request carried (the mock keeps only the path). */
function client(options: ClientOptions = {}): XmsClient {
  return createClient({
    baseUrl: mock.url,
    apiKey: API_KEY,
    apiId: "example-key-id",
    fetch: async (request, init) => {
      const url = new URL(request.url);
      const text = await request.clone().text();
      sent.push({
        method: request.method,
        path: url.pathname,
        query: url.search,
        body: text ? JSON.parse(text) : undefined,
      });
      return fetch(request, init);
    },
    ...options,
  });
}

describe("the scenarios, against the mock server", () => {
  test("sendText() sends the spec's text example and returns the receipt the mock answered", async () => {
    const receipt = await sendText(client(), to);
    expect(receipt).toEqual(responseExample("POST", SEND));
    expect(sent).toEqual([
      { method: "POST", path: SEND, query: "", body: requestExample("POST", SEND, "text") },
    ]);
    expect(mock.requests).toEqual([{ method: "POST", path: SEND, status: 200 }]);
  });

  test("sendTemplate() sends the template with its data and buttons, as the spec's example", async () => {
    const receipt = await sendTemplate(client(), to);
    expect(receipt).toEqual(responseExample("POST", SEND));
    expect(sent).toEqual([
      { method: "POST", path: SEND, query: "", body: requestExample("POST", SEND, "template") },
    ]);
    expect(mock.requests).toEqual([{ method: "POST", path: SEND, status: 200 }]);
  });

  test("sendImage() sends an image with its caption, as the spec's example", async () => {
    const receipt = await sendImage(client(), to);
    expect(receipt).toEqual(responseExample("POST", SEND));
    expect(sent).toEqual([
      { method: "POST", path: SEND, query: "", body: requestExample("POST", SEND, "image") },
    ]);
    expect(mock.requests).toEqual([{ method: "POST", path: SEND, status: 200 }]);
  });

  test("listChannels() makes one GET and returns the channels the mock answered", async () => {
    const channels = await listChannels(client());
    expect(channels).toEqual(responseExample("GET", "/api/v1/config/channels"));
    expect(sent).toEqual([
      { method: "GET", path: "/api/v1/config/channels", query: "", body: undefined },
    ]);
    expect(mock.requests).toEqual([
      { method: "GET", path: "/api/v1/config/channels", status: 200 },
    ]);
  });

  test("listTemplates() asks for the channel's approved templates and returns them", async () => {
    const templates = await listTemplates(client(), to.channelId);
    expect(templates).toEqual(responseExample("GET", "/api/v1/config/tmpl/hsm"));
    expect(sent).toEqual([
      {
        method: "GET",
        path: "/api/v1/config/tmpl/hsm",
        query: "?channelId=wa360%3A918828218374&channelStatus=APPROVED",
        body: undefined,
      },
    ]);
    expect(mock.requests).toEqual([
      { method: "GET", path: "/api/v1/config/tmpl/hsm", status: 200 },
    ]);
  });
});

describe("describeError(), on what the client throws", () => {
  // `Prefer: code=NNN` makes the mock answer with the spec's example of that status.
  const answering = (code: number, options: ClientOptions = {}) =>
    client({ headers: { prefer: `code=${code}` }, ...options });

  async function failure(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => expect.unreachable("the call succeeded"),
      (error: unknown) => error,
    );
  }

  test("a 429 is an XmsRateLimitError, reported once the client's retries are spent", async () => {
    const error = await failure(
      sendText(answering(429, { maxRetries: 1, retryBaseDelayMs: 1 }), to),
    );
    if (!isXmsRateLimitError(error)) return expect.unreachable(String(error));
    // The mock sends the spec's Retry-After example when the spec has one.
    const retryAfter = error.headers.get("retry-after");
    expect(describeError(error)).toBe(
      retryAfter === null
        ? "rate limited (429): try again later"
        : `rate limited (429): try again in ${retryAfter} s`,
    );
    // One attempt and one retry: a 429 was not processed, so even a send is retried.
    expect(mock.requests).toEqual([
      { method: "POST", path: SEND, status: 429 },
      { method: "POST", path: SEND, status: 429 },
    ]);
  });

  test("a 429 whose Retry-After is longer than the client waits is reported with the wait", async () => {
    // A server of our own: it answers every request 429 with `Retry-After: 120`.
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(429, { "content-type": "application/json", "retry-after": "120" });
      res.end(JSON.stringify({ message: "Too many requests", status: "429" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const xms = createClient({
        baseUrl: `http://127.0.0.1:${port}`,
        apiKey: API_KEY,
        apiId: "example-key-id",
      });
      const error = await failure(sendText(xms, to));
      expect(isXmsRateLimitError(error)).toBe(true);
      expect(describeError(error)).toBe("rate limited (429): try again in 120 s");
      // Past maxRetryAfterMs (60 s by default) the client does not wait: one request only.
      expect(requests).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("a 400 is an XmsBadRequestError whose report names the fields at fault", async () => {
    const error = await failure(sendText(answering(400), to));
    expect(isXmsBadRequestError(error)).toBe(true);
    expect(describeError(error)).toBe(
      "the API refused the request (400): to.phone: phone must be a valid number",
    );
    expect(mock.requests).toEqual([{ method: "POST", path: SEND, status: 400 }]);
  });

  test("a 401 is an XmsAuthenticationError, reported without the key", async () => {
    const error = await failure(listChannels(answering(401)));
    expect(isXmsAuthenticationError(error)).toBe(true);
    expect(describeError(error)).toBe(
      "the API refused the credentials (401): check XMS_API_KEY and XMS_API_ID",
    );
    expect(JSON.stringify(error) + String(error)).not.toContain(API_KEY);
  });

  test("an unreachable XMS_BASE_URL is an XmsConnectionError that says to check it", async () => {
    // A port that was just free: nothing listens on it.
    const server = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));

    const error = await failure(
      sendText(
        createClient({
          baseUrl: `http://127.0.0.1:${port}`,
          apiKey: API_KEY,
          apiId: "example-key-id",
          maxRetries: 0,
        }),
        to,
      ),
    );
    expect(isXmsConnectionError(error)).toBe(true);
    const report = describeError(error);
    expect(report).toMatch(/^could not reach the API \(.*\): check XMS_BASE_URL$/);
    expect(report).not.toContain(API_KEY);
  });
});
