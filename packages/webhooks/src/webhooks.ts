/**
 * createWebhooks(): the handler registry, and one transport-agnostic pipeline (verify, read,
 * parse, route, validate, dedupe, dispatch) that every entry point goes through.
 */
import type { ContactInfoResponse, WebhookEventName } from "@mehery/xms-webhook-types";
import {
  CONSUMED,
  MALFORMED,
  TIMED_OUT,
  TOO_LARGE,
  UNREADABLE,
  declaredLength,
  isJsonContentType,
  parseJson,
  bodyOfRequest,
  type BodyBytes,
  type BodySource,
} from "./body.js";
import { answerContactInfo } from "./contact-info.js";
import { UNDECODABLE, decodeBody, looksLikeJsonText, parseContentEncoding } from "./encoding.js";
import { createDedupe } from "./dedupe.js";
import { assertEventName, eventNamesOf } from "./event-names.js";
import {
  ANY,
  dispatchNotification,
  dispatchPlanOf,
  type RawHandler,
  type Registry,
} from "./dispatch.js";
import {
  DedupeStoreError,
  WebhookDispatchError,
  type WebhookHandlerError,
  WebhookPayloadError,
  type WebhookRefusedError,
  type WebhookError,
  type WebhookKind,
  type XmsWebhooksError,
} from "./errors.js";
import { MODEL, type NotificationModel } from "./model.js";
import { resolveOptions, type WebhooksOptions } from "./options.js";
import { kindOfDelivery, kindOfShape } from "./routing.js";
import { refusalError } from "./refusals.js";
import { FAILED, isRefusal, type Outcome, type Refusal } from "./status-policy.js";
import type { AnyHandler, ContactInfoHandler, ErrorHandler, WebhookHandler } from "./types.js";
import { validateBody } from "./validate.js";
import { handleRequest } from "./web.js";
import { createTokenVerifier, tokenOf, type TokenSource } from "./verify-token.js";

export interface ReceiveOptions {
  /** Which webhook the payload is. Default: told by its shape (see the README, "Routing"). */
  kind?: WebhookKind;
}

export interface Webhooks {
  /**
   * Calls `handler` once per matching item of each notification (or per contact-info request).
   *
   * @example
   * webhooks.on("message.text", async ({ payload, contact }) => {
   *   await reply(contact?.contactId, payload.text.body);
   * });
   */
  on<N extends WebhookEventName>(name: N | readonly N[], handler: WebhookHandler<N>): void;
  /**
   * Calls `handler` once per item of every kind, with its most specific name; also once per
   * item of a list the spec does not know, as `unknown.<list>` (see UnknownItemEvent).
   */
  onAny(handler: AnyHandler): void;
  /**
   * Calls `handler` with every failure (see WebhookError), refused deliveries included: a
   * WebhookRefusedError has the `status` answered and a `reason` code (see the README's status
   * policy), and never the token. Its own errors are ignored.
   */
  onError(handler: ErrorHandler): void;
  /**
   * Sets the handler that answers contact-information requests (one per instance). Without
   * one, `{}` (change nothing) is answered.
   *
   * @example
   * webhooks.onContactInfo(async ({ payload }) => {
   *   const customer = await crm.find(payload.contactId);
   *   return customer ? { name: customer.name, profileId: customer.id } : {};
   * });
   */
  onContactInfo(handler: ContactInfoHandler): void;
  /** Removes one registration of `handler` for `name` (`"*"`: an onAny handler). */
  removeListener<N extends WebhookEventName>(
    name: N | readonly N[] | "*",
    handler: WebhookHandler<N>,
  ): void;
  /**
   * The Web-standard entry point: answers a delivery (`Request` → `Response`) on Bun, Deno,
   * Workers, Next.js route handlers, Hono (`c.req.raw`), or anything with Fetch API objects.
   * Never throws; the status code follows the package's status policy.
   */
  handle(request: Request): Promise<Response>;
  /**
   * Validates, de-duplicates and dispatches an already parsed payload (from a queue, a test).
   * Throws WebhookPayloadError when invalid, WebhookDispatchError when a handler failed; for a
   * contact-info request, resolves to the answer.
   */
  receive(payload: unknown, options: { kind: "contactInfo" }): Promise<ContactInfoResponse>;
  receive(payload: unknown, options: { kind: "notification" }): Promise<undefined>;
  receive(payload: unknown, options?: ReceiveOptions): Promise<ContactInfoResponse | undefined>;
  /**
   * Whether a delivery's `x-verify-token` is one of the configured tokens: the same constant-time
   * check as `handle()`'s, for hosts that own the request. Takes the header's value (`null` or
   * `undefined` when absent) or anything with `headers`: a Fetch `Request` or `Headers`, a Node,
   * Fastify or Koa request, an API Gateway event (header names in any case). Never compare
   * tokens with `===`: its time tells how much of a guess was right.
   *
   * @example
   * if (!(await webhooks.verify(request.headers["x-verify-token"]))) return reply.code(401).send();
   */
  verify(token: TokenSource): Promise<boolean>;
  /**
   * For hosts that read the body themselves (Fastify, Lambda, a queue): `verify(token)`, then
   * `receive(body)`. `body` is the parsed value, or its JSON text or bytes. Rejects with
   * WebhookRefusedError (`status` 401, `reason` "unauthorized") for a wrong token and (400,
   * "malformed_json") for text that is not JSON, both reported to onError; otherwise like
   * `receive()`. Every error it throws has the `status` to answer, but WebhookDispatchError (500).
   *
   * @example
   * fastify.post("/webhooks", async (request, reply) => {
   *   const answer = await webhooks.verifyAndReceive({ token: request, body: request.body });
   *   return reply.send(answer ?? "");
   * });
   */
  verifyAndReceive(
    input: VerifyAndReceiveInput & { kind: "contactInfo" },
  ): Promise<ContactInfoResponse>;
  verifyAndReceive(input: VerifyAndReceiveInput & { kind: "notification" }): Promise<undefined>;
  verifyAndReceive(input: VerifyAndReceiveInput): Promise<ContactInfoResponse | undefined>;
}

export interface VerifyAndReceiveInput extends ReceiveOptions {
  /** The `x-verify-token` value, or what carries it (see `verify()`). */
  token: TokenSource;
  /** The body: parsed, or JSON text, or its bytes. */
  body: unknown;
}

function serializedLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

const encoder = new TextEncoder();

/** A delivery as an adapter sees it: plain values, read once, so that nothing is a closure. */
export interface Delivery {
  method: string;
  /** The `x-verify-token`, `Content-Type`, `Content-Encoding` and `Content-Length` headers; null when absent. */
  token: string | null;
  contentType: string | null;
  contentEncoding: string | null;
  contentLength: string | null;
  /** The request path, for routing by published path; undefined when it has none. */
  pathname: string | undefined;
  body: BodySource;
}

// The outcomes without data, made once.
const PROCESSED: Outcome = { type: "processed" };
const METHOD_NOT_ALLOWED: Outcome = { type: "method_not_allowed" };
const UNSUPPORTED_MEDIA_TYPE: Outcome = { type: "unsupported_media_type" };
const BODY_CONSUMED: Outcome = { type: "body_consumed" };

/** What the adapters in this package get of an instance (not public API). */
export interface Pipeline {
  /**
   * Answers a delivery: calls `answer` once with its outcome, and never throws; a refusal is
   * reported to onError first. The call is synchronous, from within the body's last event, when
   * nothing on the way is asynchronous (a Content-Encoding, an async handler, a dedupe store,
   * a contact-info answer).
   */
  run(delivery: Delivery, answer: (outcome: Outcome) => void): void;
  /** Reports a refusal an adapter decided itself (Node: not the mount path), and returns it. */
  refuse(refusal: Refusal): Outcome;
  /** What the instance routes and dispatches by (the Node adapter: its paths). */
  model: NotificationModel;
}

/**
 * A delivery on its way through the pipeline, as each step hands it to the next: one object per
 * delivery, whose `end` reaches the adapter once (later calls do nothing).
 */
class Run {
  #ended = false;

  constructor(
    readonly delivery: Delivery,
    readonly settle: (outcome: Outcome) => void,
  ) {}

  /** Ends the delivery with its outcome. */
  end(outcome: Outcome): void {
    if (this.#ended) return;
    this.#ended = true;
    try {
      this.settle(outcome);
    } catch {
      // The adapter could not write its answer (a response already destroyed): nothing else can
      // be told, and a throw here would escape from an event listener or a promise.
    }
  }

  /** Ends it as failed: only a bug of ours gets here (handlers' errors are caught where they run). */
  failed(): void {
    this.end(FAILED);
  }

  /** Runs a step of the pipeline from an event or a promise: a throw ends it as failed. */
  guard(step: () => void): void {
    try {
      step();
    } catch {
      this.failed();
    }
  }
}

/**
 * The internal entry of an instance: the key under which it carries its own pipeline, for the
 * adapters of this package (not exported from the package's index, and not enumerable).
 */
export const PIPELINE: unique symbol = Symbol("@mehery/xms-webhooks pipeline");

/** The pipeline of an instance made by createWebhooks(), or undefined for any other value. */
export function pipelineOf(webhooks: unknown): Pipeline | undefined {
  return typeof webhooks === "object" && webhooks !== null && PIPELINE in webhooks
    ? (webhooks as { [PIPELINE]: Pipeline })[PIPELINE]
    : undefined;
}

const UNAUTHORIZED_MISSING: Refusal = Object.freeze({
  type: "unauthorized",
  detail: "no x-verify-token header",
});
const UNAUTHORIZED_WRONG: Refusal = Object.freeze({
  type: "unauthorized",
  detail: "x-verify-token matches no configured verifyToken",
});

/**
 * Creates a webhook receiver. Throws at once on a bad option (e.g. a blank verifyToken).
 *
 * @example
 * const webhooks = createWebhooks({ verifyToken: process.env.XMS_VERIFY_TOKEN! });
 * webhooks.on("status.FAILD", ({ payload }) => alert(payload.id));
 * export default { fetch: (request: Request) => webhooks.handle(request) };
 */
export function createWebhooks(options: WebhooksOptions): Webhooks {
  return createWebhooksOver(MODEL, options);
}

/**
 * createWebhooks() over a notification model given as data (internal: tests pass one generated
 * from a fixture spec, to show that a kind added to the spec needs no edit of the receiver).
 */
export function createWebhooksOver(model: NotificationModel, options: WebhooksOptions): Webhooks {
  const config = resolveOptions(options);
  const plan = dispatchPlanOf(model);
  const eventNames = eventNamesOf(model);
  const verifyToken = createTokenVerifier(config.tokens);
  const registry: Registry = new Map();
  const errorHandlers: ErrorHandler[] = config.onError ? [config.onError] : [];
  let answerer: RawHandler | undefined;

  const report = (error: XmsWebhooksError): void => {
    for (const handler of errorHandlers) {
      try {
        const result: unknown = handler(error as WebhookError);
        if (result instanceof Promise) result.catch(() => {});
      } catch {
        // An error handler that fails must not turn a delivery into a crash.
      }
    }
  };

  const dedupe = config.dedupe
    ? createDedupe(config.dedupe.store, config.dedupe.ttlMs, (operation, error) =>
        report(new DedupeStoreError(operation, error)),
      )
    : undefined;

  const register = (names: string | readonly string[], handler: RawHandler): void => {
    if (typeof handler !== "function") {
      throw new TypeError("@mehery/xms-webhooks: a handler must be a function");
    }
    for (const name of typeof names === "string" ? [names] : names) {
      const list = registry.get(name);
      if (list) list.push(handler);
      else registry.set(name, [handler]);
    }
  };

  /**
   * Validates and dispatches a parsed body: the part every entry point shares. Synchronous when
   * every handler was (see runCalls), so that an adapter can answer in the same tick.
   */
  const process = (kind: WebhookKind, body: unknown): Outcome | Promise<Outcome> => {
    const issues = validateBody(config.validate, kind, body);
    if (issues) {
      const error = new WebhookPayloadError(kind, issues);
      report(error);
      return { type: "invalid_payload", error };
    }
    const value = body as Record<string, unknown>;
    if (kind === "contactInfo") {
      return answerContactInfo({
        registry,
        answerer,
        request: value,
        mode: config.validate,
        timeoutMs: config.contactInfoTimeoutMs,
        lateError: report,
      }).then((result): Outcome => {
        if (!result.ok) {
          result.errors.forEach(report);
          return { type: "handler_failed", errors: result.errors };
        }
        return { type: "answered", json: result.json, answer: result.answer };
      });
    }
    const errors = dispatchNotification(registry, dedupe, value, plan, report);
    return Array.isArray(errors) ? settled(errors) : errors.then(settled);
  };

  const settled = (errors: WebhookHandlerError[]): Outcome => {
    if (errors.length === 0) return PROCESSED;
    errors.forEach(report);
    return { type: "handler_failed", errors };
  };

  /**
   * One delivery through the pipeline, in the order of the status policy. Each step calls the
   * next directly: a Node delivery whose handlers are synchronous is answered from within the
   * body's last event, with no promise on the way. (Measured over loopback HTTP on a bare
   * node:http receiver: one `await` between the body's end and the answer cost 7% of its
   * deliveries per second, three cost 12%, ten 31%; the await itself is 0.1 µs, the rest is the
   * answer's write leaving the event that read the body.)
   */
  const decide = (run: Run): void => {
    if (run.delivery.method !== "POST") return run.end(METHOD_NOT_ALLOWED);
    // Nothing of the body is read before the token proved good.
    return verified(run, verifyToken(run.delivery.token));
  };

  const verified = (run: Run, ok: boolean): void => {
    if (!ok)
      return run.end(run.delivery.token === null ? UNAUTHORIZED_MISSING : UNAUTHORIZED_WRONG);
    if (!isJsonContentType(run.delivery.contentType)) return run.end(UNSUPPORTED_MEDIA_TYPE);
    const codings = parseContentEncoding(run.delivery.contentEncoding);
    if (!Array.isArray(codings)) {
      return run.end({
        type: "unsupported_encoding",
        detail: `Content-Encoding "${codings.unsupported}"`,
      });
    }
    const declared = declaredLength(run.delivery.contentLength);
    if (declared !== undefined && declared > config.maxBodyBytes) {
      return run.end({ type: "payload_too_large", detail: `Content-Length ${declared}` });
    }
    const source = run.delivery.body;
    switch (source.type) {
      case "parsed":
        // A body parser ran first (express.json()) and no Content-Length says how big the body
        // was: measure it again. The re-serialized length (UTF-16 units) is at most the byte
        // length of the JSON it came from, so this never rejects a body within the limit.
        if (declared === undefined && serializedLength(source.value) > config.maxBodyBytes) {
          return run.end({ type: "payload_too_large" });
        }
        return parsed(run, source.value);
      case "consumed":
        return run.end(BODY_CONSUMED);
      case "bytes":
        // Bytes a framework handed over may be decoded already (express.raw() does it).
        if (codings.length > 0 && looksLikeJsonText(source.bytes)) {
          return read(run, source.bytes, []);
        }
        return read(run, source.bytes, codings);
      case "stream":
        source.read({ bytes: config.maxBodyBytes, timeoutMs: config.bodyTimeoutMs }, (bytes) =>
          run.guard(() => read(run, bytes, codings)),
        );
    }
  };

  /** The body's bytes, or why there are none: undoes its Content-Encoding, parses it. */
  const read = (
    run: Run,
    bytes: BodyBytes | typeof UNDECODABLE,
    codings: Parameters<typeof decodeBody>[1],
  ): void => {
    switch (bytes) {
      case CONSUMED:
        return run.end(BODY_CONSUMED);
      case TIMED_OUT:
        return run.end({
          type: "request_timeout",
          detail: `bodyTimeoutMs ${config.bodyTimeoutMs}`,
        });
      case UNREADABLE:
        return run.end({ type: "unreadable_body" });
      case UNDECODABLE:
        return run.end({
          type: "undecodable_body",
          detail: `Content-Encoding ${codings.join(", ")}`,
        });
      case TOO_LARGE:
        return run.end({ type: "payload_too_large" });
    }
    if (codings.length > 0) {
      decodeBody(bytes, codings, config.maxBodyBytes)
        .then((decoded) => read(run, decoded, []))
        .catch(() => run.failed());
      return;
    }
    if (bytes.byteLength > config.maxBodyBytes) return run.end({ type: "payload_too_large" });
    const body = parseJson(bytes);
    if (body === MALFORMED) return run.end({ type: "malformed_json" });
    parsed(run, body);
  };

  const parsed = (run: Run, body: unknown): void => {
    const outcome = process(kindOfDelivery(run.delivery.pathname, body, model), body);
    if (outcome instanceof Promise) {
      outcome.then(
        (settled) => run.end(settled),
        () => run.failed(),
      );
    } else run.end(outcome);
  };

  const refuse = (refusal: Refusal): WebhookRefusedError => {
    const error = refusalError(refusal);
    report(error);
    return error;
  };

  const pipeline: Pipeline = {
    run(delivery, answer) {
      const run = new Run(delivery, (outcome) => {
        if (isRefusal(outcome)) refuse(outcome);
        answer(outcome);
      });
      run.guard(() => decide(run));
    },
    refuse(refusal) {
      refuse(refusal);
      return refusal;
    },
    model,
  };

  const receive = async (payload: unknown, options: ReceiveOptions = {}) => {
    const kind = options.kind ?? kindOfShape(payload, model);
    if (kind !== "notification" && kind !== "contactInfo") {
      throw new TypeError(`@mehery/xms-webhooks: kind must be "notification" or "contactInfo"`);
    }
    const outcome = await process(kind, payload);
    switch (outcome.type) {
      case "invalid_payload":
        throw outcome.error;
      case "handler_failed":
        throw new WebhookDispatchError(outcome.errors);
      case "answered":
        return outcome.answer as ContactInfoResponse;
      default:
        // "processed": process() refuses nothing, it validates and dispatches.
        return undefined;
    }
  };

  // A promise, as it always was: callers await it, and a future check may need one.
  const verify = async (token: TokenSource): Promise<boolean> => verifyToken(tokenOf(token));

  const webhooks: Webhooks = {
    on(name, handler) {
      const names: readonly unknown[] = Array.isArray(name) ? name : [name];
      // All names are checked before any is registered: a bad list registers nothing.
      names.forEach((one) => assertEventName(one, eventNames));
      register(names as string[], handler as RawHandler);
    },
    onAny(handler) {
      register(ANY, handler as RawHandler);
    },
    onError(handler) {
      if (typeof handler !== "function") {
        throw new TypeError("@mehery/xms-webhooks: an error handler must be a function");
      }
      errorHandlers.push(handler);
    },
    onContactInfo(handler) {
      if (typeof handler !== "function") {
        throw new TypeError("@mehery/xms-webhooks: the contact-info handler must be a function");
      }
      if (answerer) {
        throw new Error(
          "@mehery/xms-webhooks: onContactInfo() was already called; one answer only",
        );
      }
      answerer = handler as RawHandler;
    },
    removeListener(name, handler) {
      for (const one of typeof name === "string" ? [name] : name) {
        const list = registry.get(one);
        const index = list ? list.indexOf(handler as RawHandler) : -1;
        if (list && index !== -1) list.splice(index, 1);
      }
    },
    handle: (request) => handleRequest(pipeline, request),
    receive,
    verify,
    async verifyAndReceive(input: VerifyAndReceiveInput) {
      const { token, body } = input;
      const presented = tokenOf(token);
      if (!(await verify(presented))) {
        throw refuse(presented === null ? UNAUTHORIZED_MISSING : UNAUTHORIZED_WRONG);
      }
      let payload = body;
      if (typeof body === "string" || body instanceof Uint8Array) {
        payload = parseJson(typeof body === "string" ? encoder.encode(body) : body);
        if (payload === MALFORMED) throw refuse({ type: "malformed_json" });
      }
      return receive(payload, input.kind === undefined ? {} : { kind: input.kind });
    },
  } as Webhooks;
  Object.defineProperty(webhooks, PIPELINE, { value: pipeline });
  return webhooks;
}
