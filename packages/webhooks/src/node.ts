/**
 * The adapter for node:http, Express and Connect: a thin layer over the same pipeline as
 * `handle()`. It reads the raw body itself (stopping at maxBodyBytes), or takes what a body
 * parser already produced: `req.rawBody` / a Buffer `req.body` as bytes, an object `req.body`
 * (`express.json()`) as a parsed value that is validated like any other.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { TOO_LARGE, UNREADABLE, concat, type BodyBytes, type BodySource } from "./body.js";
import { isUnderMount, pathnameOf } from "./routing.js";
import { toHttp, type Outcome } from "./status-policy.js";
import { pipelines, type Webhooks } from "./webhooks.js";

export interface NodeMiddlewareOptions {
  /**
   * The path the webhook is mounted at, e.g. `/webhooks`. Requests to it, or to it plus a
   * published path (`/webhooks/api/v1/message/receive`, `/webhooks/api/v1/contact/info`), are
   * handled; others go to `next()` (or get 404 without one). Default: handle every request.
   */
  path?: string;
}

/** A Node request, possibly after a body parser ran (Express, Connect, Fastify-style rawBody). */
export type NodeRequest = IncomingMessage & {
  body?: unknown;
  rawBody?: unknown;
  originalUrl?: string;
};

export type NodeMiddleware = (
  req: NodeRequest,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

const encoder = new TextEncoder();

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Reads the request stream; past `limit` bytes it stops listening (the socket is then closed). */
function readStream(req: IncomingMessage, limit: number): Promise<BodyBytes> {
  if (req.readableEnded) return Promise.resolve(new Uint8Array(0));
  return new Promise<BodyBytes>((resolve) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    // Settles once, and stops listening: the first of end, limit, error or close wins.
    const finish = (value: BodyBytes): void => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onGone);
      req.off("close", onGone);
      resolve(value);
    };
    const onData = (chunk: Uint8Array | string): void => {
      const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
      size += bytes.byteLength;
      if (size > limit) {
        req.pause();
        finish(TOO_LARGE);
      } else chunks.push(bytes);
    };
    const onEnd = (): void => finish(concat(chunks, size));
    // An error or a close before the end: the client went away.
    const onGone = (): void => finish(UNREADABLE);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onGone);
    req.on("close", onGone);
  });
}

function bodySource(req: NodeRequest): BodySource {
  const { rawBody, body } = req;
  if (rawBody instanceof Uint8Array) return { type: "bytes", bytes: rawBody };
  if (typeof rawBody === "string") return { type: "bytes", bytes: encoder.encode(rawBody) };
  if (body instanceof Uint8Array) return { type: "bytes", bytes: body };
  // A parser consumed the stream and left its result: bytes as text, or a parsed value.
  if (body !== undefined && req.readableEnded) {
    return typeof body === "string"
      ? { type: "bytes", bytes: encoder.encode(body) }
      : { type: "parsed", value: body };
  }
  return { type: "stream", read: (limit) => readStream(req, limit) };
}

function send(res: ServerResponse, outcome: Outcome): void {
  if (res.headersSent || res.writableEnded) return;
  const answer = toHttp(outcome);
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  if (answer.closeConnection) res.setHeader("connection", "close");
  if (answer.body === null) res.end();
  else res.end(answer.body);
}

/**
 * Middleware for node:http, Express and Connect.
 *
 * @example
 * http.createServer(createNodeMiddleware(webhooks, { path: "/webhooks" })).listen(3000);
 * app.use(createNodeMiddleware(webhooks, { path: "/webhooks" })); // Express, before or after express.json()
 */
export function createNodeMiddleware(
  webhooks: Webhooks,
  options: NodeMiddlewareOptions = {},
): NodeMiddleware {
  const pipeline = pipelines.get(webhooks);
  if (!pipeline) {
    throw new TypeError(
      "@mehery/xms-webhooks: createNodeMiddleware() needs a createWebhooks() instance",
    );
  }
  const mount = options.path;
  if (mount !== undefined && (typeof mount !== "string" || !mount.startsWith("/"))) {
    throw new TypeError(`@mehery/xms-webhooks: path must start with "/"`);
  }
  return async function xmsWebhooksMiddleware(req, res, next) {
    const url = req.originalUrl ?? req.url ?? "/";
    let pathname: string | undefined;
    if (mount !== undefined) {
      pathname = pathnameOf(url);
      if (!isUnderMount(pathname, mount)) {
        if (next) next();
        else send(res, { type: "not_found" });
        return;
      }
    }
    let outcome: Outcome;
    try {
      outcome = await pipeline({
        method: req.method ?? "GET",
        token: header(req, "x-verify-token"),
        contentType: header(req, "content-type"),
        contentLength: header(req, "content-length"),
        pathname: pathname ?? pathnameOf(url),
        body: bodySource(req),
      });
    } catch {
      outcome = { type: "handler_failed" };
    }
    send(res, outcome);
  };
}
