/**
 * The adapter for node:http, Express and Connect: a thin layer over the same pipeline as
 * `handle()`. It reads the raw body itself (stopping at maxBodyBytes), or takes what a body
 * parser already produced: `req.rawBody` / a Buffer `req.body` as bytes, an object `req.body`
 * (`express.json()`) as a parsed value that is validated like any other.
 */
import {
  CONSUMED,
  CONSUMED_SOURCE,
  TIMED_OUT,
  TOO_LARGE,
  UNREADABLE,
  concat,
  type BodyBytes,
  type BodySource,
  type ReadLimits,
} from "./body.js";
import { clearDeadline, setDeadline } from "./deadlines.js";
import { isUnderMount, pathnameOf } from "./routing.js";
import { toHttp, type Outcome } from "./status-policy.js";
import { pipelineOf, type Webhooks } from "./webhooks.js";

export interface NodeMiddlewareOptions {
  /**
   * The path the webhook is mounted at, e.g. `/webhooks`. Requests to it, or to it plus a
   * published path (`/webhooks/api/v1/message/receive`, `/webhooks/api/v1/contact/info`), are
   * handled; others go to `next()` (or get 404 without one). Default: handle every request.
   */
  path?: string;
}

/** An event listener as node:http declares it (`any`, so that IncomingMessage fits). */
type Listener = (...args: any[]) => void;

/**
 * The part of a node:http `IncomingMessage` the middleware uses, possibly after a body parser
 * ran (Express, Connect, Fastify-style rawBody). Structural, so that the package's types need no
 * `@types/node`: a real IncomingMessage (or Express Request) is one.
 */
export interface NodeRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: { readonly [name: string]: string | readonly string[] | undefined };
  /** True once the stream was read to its end (by us, or by a body parser before us). */
  readonly readableEnded: boolean;
  on(event: string, listener: Listener): unknown;
  pause(): unknown;
  body?: unknown;
  rawBody?: unknown;
  originalUrl?: string | undefined;
}

/** The part of a node:http `ServerResponse` the middleware uses (structural, as NodeRequest). */
export interface NodeResponse {
  statusCode: number;
  readonly headersSent: boolean;
  readonly writableEnded: boolean;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

export type NodeMiddleware = (
  req: NodeRequest,
  res: NodeResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

const encoder = new TextEncoder();

function header(req: NodeRequest, name: string): string | null {
  const value = req.headers[name];
  if (value === undefined) return null;
  return typeof value === "string" ? value : value.join(", ");
}

/**
 * Reads the request stream and calls `done` once, from the event that settled it; past
 * `limits.bytes` bytes or `limits.timeoutMs` it stops listening and pauses the stream (the
 * refusal's `Connection: close` then ends the connection).
 */
function readStream(req: NodeRequest, limits: ReadLimits, done: (bytes: BodyBytes) => void): void {
  // Ended before we read anything: a body parser took it (checked here too, in case of a race).
  if (req.readableEnded) return done(CONSUMED);
  const limit = limits.bytes;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const deadline =
    limits.timeoutMs === undefined
      ? undefined
      : setDeadline(limits.timeoutMs, () => {
          req.pause();
          finish(TIMED_OUT);
        });
  // Settles once: the first of end, limit, timeout, error or close wins. The listeners stay (a
  // flag ignores what comes after): removing four listeners cost more than the flag, and an
  // 'error' listener must stay anyway, as an unheard 'error' would crash the process.
  let settled = false;
  const finish = (value: BodyBytes): void => {
    if (settled) return;
    settled = true;
    clearDeadline(deadline);
    done(value);
  };
  const onData = (chunk: Uint8Array | string): void => {
    if (settled) return;
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
  // Read to its end by a parser that left nothing we can use (Fastify, Koa bodyparser...).
  if (req.readableEnded) return CONSUMED_SOURCE;
  return { type: "stream", read: (limits, done) => readStream(req, limits, done) };
}

function send(res: NodeResponse, outcome: Outcome): void {
  if (res.headersSent || res.writableEnded) return;
  const answer = toHttp(outcome);
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
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
  const pipeline = pipelineOf(webhooks);
  if (!pipeline) {
    throw new TypeError(
      "@mehery/xms-webhooks: createNodeMiddleware() needs a createWebhooks() instance",
    );
  }
  const mount = options.path;
  if (mount !== undefined && (typeof mount !== "string" || !mount.startsWith("/"))) {
    throw new TypeError(`@mehery/xms-webhooks: path must start with "/"`);
  }
  return function xmsWebhooksMiddleware(req, res, next) {
    const url = req.originalUrl ?? req.url ?? "/";
    let pathname: string | undefined;
    if (mount !== undefined) {
      pathname = pathnameOf(url);
      if (!isUnderMount(pathname, mount, pipeline.model.paths)) {
        if (next) next();
        else {
          const detail = `path ${(pathname ?? "?").slice(0, 200)} is not under ${mount}`;
          send(res, pipeline.refuse({ type: "not_found", detail }));
        }
        return Promise.resolve();
      }
    }
    // Answered from within the body's last event when the handlers are synchronous; the promise
    // only tells a caller that waits (a test, a framework) that the answer was sent. A request
    // that is not one rejects it, as the async function this was did.
    return new Promise<void>((resolve) => {
      const delivery = {
        method: req.method ?? "GET",
        token: header(req, "x-verify-token"),
        contentType: header(req, "content-type"),
        contentEncoding: header(req, "content-encoding"),
        contentLength: header(req, "content-length"),
        pathname: pathname ?? pathnameOf(url),
        body: bodySource(req),
      };
      pipeline.run(delivery, (outcome) => {
        resolve();
        send(res, outcome);
      });
    });
  };
}
