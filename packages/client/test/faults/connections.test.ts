import { getEventListeners } from "node:events";
import { createServer } from "node:http";
import { afterEach, describe, expect, test } from "vitest";
import {
  createClient,
  isXmsConnectionError,
  isXmsError,
  isXmsTimeoutError,
  type ClientOptions,
  type RetryInfo,
} from "../../src/index.js";
import {
  apiId,
  apiKey,
  closedPort,
  json,
  okBody,
  startFaultServer,
  textMessage,
  type FaultServer,
} from "../helpers/fault-server.js";

const servers: { close(): unknown }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(...args: Parameters<typeof startFaultServer>): Promise<FaultServer> {
  const server = await startFaultServer(...args);
  servers.push(server);
  return server;
}

function client(url: string, options: ClientOptions = {}) {
  return createClient({
    apiKey,
    apiId,
    baseUrl: url,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 10,
    ...options,
  });
}

async function thrown(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

/** Sends the status line and headers, then drops the connection before the body. */
const resetMidResponse = (res: import("node:http").ServerResponse) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
  res.write('{"message":');
  setTimeout(() => res.socket?.destroy(), 5);
};

describe("connection reset mid-response", () => {
  test("a GET is retried", async () => {
    const server = await serve((_req, res, attempt) =>
      attempt == 1 ? resetMidResponse(res) : json(res, 200, okBody),
    );
    const retries: RetryInfo[] = [];
    const xms = client(server.url, { onRetry: (info) => retries.push(info) });
    await expect(xms.config.listChannels()).resolves.toEqual(okBody);
    expect(server.attempts).toBe(2);
    expect(isXmsConnectionError(retries[0]?.error)).toBe(true);
  });

  test("the path API retries it on a GET too", async () => {
    const server = await serve((_req, res, attempt) =>
      attempt == 1 ? resetMidResponse(res) : json(res, 200, okBody),
    );
    const { data } = await client(server.url).GET("/api/v1/config/channels");
    expect(data).toEqual(okBody);
    expect(server.attempts).toBe(2);
  });

  test("send() is tried exactly once and throws XmsConnectionError", async () => {
    const server = await serve((_req, res) => resetMidResponse(res));
    const error = await thrown(client(server.url).messages.send(textMessage));
    expect(isXmsConnectionError(error)).toBe(true);
    expect(isXmsTimeoutError(error)).toBe(false);
    // The headers had arrived: the server got the send, so sending it again could duplicate it.
    expect(error).toMatchObject({
      method: "POST",
      url: `${server.url}/api/v1/message/send`,
      sent: true,
    });
    // undici's UND_ERR_SOCKET ("other side closed") is reported as the ECONNRESET it is.
    expect((error as { code: string }).code).toBe("ECONNRESET");
    expect((error as Error).message).toContain("the request may have reached the server");
    expect((error as Error).cause).toBeDefined();
    expect(server.attempts).toBe(1);
  });

  test("a connection closed before the headers: send() is tried once, ECONNRESET, may have been sent", async () => {
    const server = await serve((req) => req.socket.destroy());
    const error = await thrown(client(server.url).messages.send(textMessage));
    expect(error).toMatchObject({ code: "ECONNRESET", sent: true });
    expect(server.attempts).toBe(1);
  });

  test("the path API throws XmsConnectionError for a send after one attempt", async () => {
    const server = await serve((_req, res) => resetMidResponse(res));
    const error = await thrown(
      client(server.url).POST("/api/v1/message/send", { body: textMessage }),
    );
    expect(isXmsConnectionError(error)).toBe(true);
    expect(server.attempts).toBe(1);
  });
});

describe("connection refused", () => {
  test("send() is retried: the request never reached a server", async () => {
    const port = await closedPort();
    let attempts = 0;
    const server = createServer((req, res) => {
      attempts++;
      req.resume();
      req.on("end", () => json(res, 200, okBody));
    });
    servers.push({ close: () => new Promise((r) => server.close(r)) });
    const retries: RetryInfo[] = [];
    const xms = client(`http://127.0.0.1:${port}`, {
      // Start listening on the refused port before the retry: the retry then succeeds.
      onRetry: (info) => {
        retries.push(info);
        if (retries.length == 1) server.listen(port, "127.0.0.1");
      },
      // Enough retries that one comes after the server is up, however the jitter falls.
      maxRetries: 10,
      retryBaseDelayMs: 20,
      retryMaxDelayMs: 200,
    });
    await expect(xms.messages.send(textMessage)).resolves.toEqual(okBody);
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(isXmsConnectionError(retries[0]?.error)).toBe(true);
    expect(attempts).toBe(1);
  });

  test("send() throws XmsConnectionError once the retries are spent", async () => {
    const port = await closedPort();
    const retries: RetryInfo[] = [];
    const error = await thrown(
      client(`http://127.0.0.1:${port}`, { onRetry: (i) => retries.push(i) }).messages.send(
        textMessage,
      ),
    );
    expect(isXmsConnectionError(error)).toBe(true);
    expect(error).toMatchObject({ code: "ECONNREFUSED", sent: false });
    expect((error as Error).message).toContain("(ECONNREFUSED; the request was not sent)");
    expect(retries).toHaveLength(2);
  });

  test("a name that does not resolve is sent: false with the DNS code, and a send is retried", async () => {
    // A real lookup could leave the machine, so the fetch fails as undici does when DNS fails.
    let calls = 0;
    const dnsFailure: ClientOptions["fetch"] = async () => {
      calls++;
      const cause = Object.assign(new Error("getaddrinfo ENOTFOUND api.example"), {
        code: "ENOTFOUND",
      });
      throw new TypeError("fetch failed", { cause });
    };
    const error = await thrown(
      client("http://127.0.0.1:1", { fetch: dnsFailure, maxRetries: 1 }).messages.send(textMessage),
    );
    expect(isXmsConnectionError(error)).toBe(true);
    expect(error).toMatchObject({ code: "ENOTFOUND", sent: false });
    expect(calls).toBe(2);
  });

  test("a timed-out attempt is sent: true with code ETIMEDOUT", async () => {
    const server = await serve(() => {}); // never answers
    const error = await thrown(
      client(server.url, { timeoutMs: 50, maxRetries: 0 }).messages.send(textMessage),
    );
    expect(isXmsTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ code: "ETIMEDOUT", sent: true });
  });
});

describe("timeouts", () => {
  // Never answers: each attempt hangs until the client gives up.
  const hang = () => {};

  test("a GET that hangs past timeoutMs throws XmsTimeoutError after 1 + maxRetries attempts", async () => {
    const server = await serve(hang);
    const error = await thrown(
      // Each attempt gets long enough to reach the server, even on a loaded machine.
      client(server.url, { timeoutMs: 1_000, maxRetries: 2 }).config.listChannels(),
    );
    expect(isXmsTimeoutError(error)).toBe(true);
    expect(isXmsConnectionError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `timeoutMs of 1000 ms exceeded (ETIMEDOUT; the request may have reached the server): GET ${server.url}/api/v1/config/channels`,
    );
    expect(server.attempts).toBe(3);
  });

  test("send() that hangs past timeoutMs is tried once", async () => {
    const server = await serve(hang);
    // Long enough that the request reaches the server first, even on a loaded machine.
    const error = await thrown(client(server.url, { timeoutMs: 1_000 }).messages.send(textMessage));
    expect(isXmsTimeoutError(error)).toBe(true);
    expect(server.attempts).toBe(1);
  });

  test("a body that stalls mid-response counts against timeoutMs", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write("{");
    });
    const error = await thrown(client(server.url, { timeoutMs: 100 }).messages.send(textMessage));
    expect(isXmsTimeoutError(error)).toBe(true);
    expect(server.attempts).toBe(1);
  });

  test("the path API throws XmsTimeoutError, with timeoutMs per call", async () => {
    const server = await serve(hang);
    const error = await thrown(
      client(server.url).GET("/api/v1/config/channels", { timeoutMs: 1_000, maxRetries: 0 }),
    );
    expect(isXmsTimeoutError(error)).toBe(true);
    expect(server.attempts).toBe(1);
  });

  test("deadlineMs bounds the whole call across retries", async () => {
    const server = await serve(hang);
    const error = await thrown(
      client(server.url, {
        timeoutMs: 150,
        deadlineMs: 400,
        maxRetries: 100,
      }).config.listChannels(),
    );
    expect(isXmsTimeoutError(error)).toBe(true);
    // 400 ms hold at most two full 150 ms attempts; the one that meets the deadline is cut short.
    expect((error as Error).message).toMatch(/^deadlineMs of 400 ms exceeded/);
    expect(server.attempts).toBeLessThanOrEqual(3);
  });
});

describe("a custom fetch (a proxy wrapper) that ignores its init", () => {
  // Like many proxy wrappers, it forwards the Request alone: the time limit must live in it.
  const seen: Request[] = [];
  const proxy = (input: Request, _init?: RequestInit) => {
    seen.push(input);
    return fetch(input);
  };
  afterEach(() => {
    seen.length = 0;
  });

  test("still has its resource calls time out, the body included, and aborts their requests", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write("{");
    });
    const error = await thrown(
      client(server.url, { fetch: proxy, timeoutMs: 100 }).messages.send(textMessage),
    );
    expect(isXmsTimeoutError(error)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.signal.aborted).toBe(true);
  });

  test("still has its path API calls time out, and aborts their requests", async () => {
    const server = await serve(() => {});
    const error = await thrown(
      client(server.url, { fetch: proxy }).GET("/api/v1/config/channels", {
        timeoutMs: 200,
        maxRetries: 0,
      }),
    );
    expect(isXmsTimeoutError(error)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.signal.aborted).toBe(true);
  });
});

describe("abort", () => {
  test("aborting during an attempt rejects with the signal's reason and does not retry", async () => {
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    // Abort once the attempt has reached the server (not after a fixed delay, which a loaded
    // machine can outrun), and never answer it.
    const server = await serve(() => controller.abort(reason));
    const call = client(server.url).config.listChannels({}, { signal: controller.signal });
    expect(await thrown(call)).toBe(reason);
    expect(server.attempts).toBe(1);
  });

  test("aborting during the wait before a retry rejects at once with a DOMException AbortError", async () => {
    const server = await serve((_req, res) => json(res, 503, {}));
    const controller = new AbortController();
    const xms = client(server.url, {
      retryBaseDelayMs: 60_000,
      retryMaxDelayMs: 60_000,
      onRetry: () => controller.abort(),
    });
    const error = await thrown(xms.GET("/api/v1/config/channels", { signal: controller.signal }));
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("AbortError");
    expect(isXmsError(error)).toBe(false);
    expect(server.attempts).toBe(1);
  });

  test("a long-lived signal shared by many calls holds no listener once they settle", async () => {
    const server = await serve((_req, res) => json(res, 200, okBody));
    const controller = new AbortController();
    const xms = client(server.url);
    for (let i = 0; i < 20; i++) {
      await xms.config.listChannels({}, { signal: controller.signal });
      await xms.messages.send(textMessage, { signal: controller.signal });
    }
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("an already-aborted signal sends nothing", async () => {
    const server = await serve((_req, res) => json(res, 200, okBody));
    const error = await thrown(
      client(server.url).messages.send(textMessage, { signal: AbortSignal.abort() }),
    );
    expect((error as DOMException).name).toBe("AbortError");
    expect(server.attempts).toBe(0);
  });
});

describe('the path API with parseAs: "stream"', () => {
  /** A server that sends the headers and the body's start at once, then what `rest` does. */
  function streaming(rest: (res: import("node:http").ServerResponse) => void) {
    return serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"results":[');
      rest(res);
    });
  }
  const stream = (
    xms: ReturnType<typeof client>,
    init: { maxRetries?: number; signal?: AbortSignal } = {},
  ) => xms.GET("/api/v1/config/channels", { parseAs: "stream", maxRetries: 0, ...init });

  test("hands over the whole body as a stream, with the response's status, headers and url", async () => {
    const server = await streaming((res) => setTimeout(() => res.end("]}"), 50));
    const { data, response } = await stream(client(server.url, { timeoutMs: 5_000 }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.url).toBe(`${server.url}/api/v1/config/channels`);
    expect(data).toBeInstanceOf(ReadableStream);
    expect(await new Response(data).text()).toBe('{"results":[]}');
  });

  test("a body that stalls ends in XmsTimeoutError at timeoutMs, as without parseAs", async () => {
    const server = await streaming(() => {});
    // Long enough that the request reaches the server first, even on a loaded machine.
    const error = await thrown(stream(client(server.url, { timeoutMs: 1_000 })));
    expect(isXmsTimeoutError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^timeoutMs of 1000 ms exceeded/);
    expect(server.attempts).toBe(1);
  });

  test("a reset mid-body is retried for a GET, then an XmsConnectionError", async () => {
    const server = await streaming((res) => setTimeout(() => res.socket?.destroy(), 20));
    const error = await thrown(stream(client(server.url), { maxRetries: 2 }));
    expect(isXmsConnectionError(error)).toBe(true);
    expect(isXmsTimeoutError(error)).toBe(false);
    expect(server.attempts).toBe(3);
  });

  test("the caller's signal aborts a body in flight, with its reason, and holds no listener", async () => {
    const server = await streaming(() => {});
    const controller = new AbortController();
    const reason = new Error("the caller stopped");
    setTimeout(() => controller.abort(reason), 100);
    const error = await thrown(stream(client(server.url), { signal: controller.signal }));
    expect(error).toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("a 204 has no body to hand over", async () => {
    const server = await serve((_req, res) => res.writeHead(204).end());
    const { data, response } = await stream(client(server.url));
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
  });
});
