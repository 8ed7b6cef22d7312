import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { errorBody } from "./bodies.js";
import { corsHeaders } from "./cors.js";
import type { MockHandler } from "./handler.js";

/** One request the mock answered. The path is the URL path, without the query. */
export interface MockRequestRecord {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

export interface MockServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Every request answered so far, oldest first (preflights included). */
  readonly requests: ReadonlyArray<MockRequestRecord>;
  /** Stops listening and drops open connections; calling it again returns the same promise. */
  close(): Promise<void>;
}

export interface ListenOptions {
  readonly handler: MockHandler;
  readonly host: string;
  readonly port: number;
  /** Called with one line per answered request: method, path, status, duration. Never headers. */
  readonly log?: ((line: string) => void) | undefined;
}

const maxBodyBytes = 1024 * 1024;

// Hop-by-hop and framing headers belong to this connection, not to the request the handler sees.
const connectionHeaders = new Set([
  "connection",
  "content-length",
  "host",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Serves a MockHandler over node:http: the Node adapter of the web-standard core. */
export async function listen(options: ListenOptions): Promise<MockServer> {
  const requests: MockRequestRecord[] = [];
  const server = createServer((req, res) => {
    void serve(req, res);
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://mock.invalid");
    let status = 500;
    try {
      const body = await readBody(req);
      const response =
        body === undefined
          ? tooLarge(url.pathname)
          : await options.handler(toRequest(req, method, url, body));
      status = response.status;
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      if (body === undefined) headers["connection"] = "close";
      res.writeHead(status, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch {
      status = 500;
      if (!res.headersSent) res.writeHead(500, corsHeaders);
      res.end();
    } finally {
      requests.push(Object.freeze({ method, path: url.pathname, status }));
      options.log?.(
        `${method} ${url.pathname} ${status} ${Math.round(performance.now() - started)}ms`,
      );
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}

/**
 * The whole body, or undefined past maxBodyBytes. The rest of a body too large is read and
 * dropped (leaving the loop early would destroy the socket the answer goes out on).
 */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size <= maxBodyBytes) chunks.push(buffer);
  }
  return size > maxBodyBytes ? undefined : Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, method: string, url: URL, body: Buffer): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? "";
    if (!connectionHeaders.has(name.toLowerCase()))
      headers.append(name, req.rawHeaders[i + 1] ?? "");
  }
  const hasBody = method !== "GET" && method !== "HEAD" && body.length > 0;
  return new Request(url, { method, headers, ...(hasBody ? { body } : {}) });
}

function tooLarge(path: string): Response {
  const body = errorBody(
    413,
    "MOCK_BODY_TOO_LARGE",
    "The body is larger than the mock accepts",
    path,
    [
      {
        field: "body",
        code: "maxLength",
        description: `body is larger than ${maxBodyBytes} bytes`,
      },
    ],
  );
  return new Response(JSON.stringify(body), {
    status: 413,
    headers: { ...corsHeaders, "content-type": "application/json" },
  });
}
