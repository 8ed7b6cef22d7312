/** Reading, decoding and parsing a request body within a byte limit. */
import { clearDeadline, setDeadline } from "./deadlines.js";

export const TOO_LARGE = Symbol("too large");
export const UNREADABLE = Symbol("unreadable");
export const MALFORMED = Symbol("malformed");
export const TIMED_OUT = Symbol("timed out");
export const CONSUMED = Symbol("consumed");

/** A body read to its end: its bytes, or why there are none. */
export type BodyBytes =
  Uint8Array | typeof TOO_LARGE | typeof UNREADABLE | typeof TIMED_OUT | typeof CONSUMED;

/** How much to read, and for how long. */
export interface ReadLimits {
  /** Bytes; past it, reading stops (TOO_LARGE). */
  bytes: number;
  /** Milliseconds from the start of reading to the end of the body (TIMED_OUT); none if absent. */
  timeoutMs?: number;
}

/** Where a delivery's body comes from; adapters pick the one they have. */
export type BodySource =
  /**
   * An unread body (a Fetch Request's, node:http's): `read` reads it within the limits and calls
   * `done` once, from the event that ended it (so that what follows runs in that event).
   */
  | { type: "stream"; read: (limits: ReadLimits, done: (bytes: BodyBytes) => void) => void }
  /** A stream that something else already read, leaving nothing for us. */
  | { type: "consumed" }
  /** Bytes a framework already read (`req.rawBody`, `express.raw()`). */
  | { type: "bytes"; bytes: Uint8Array }
  /** A value a framework already parsed (`express.json()`): validated like any other. */
  | { type: "parsed"; value: unknown };

/** The body of a request whose stream something else read to its end, and left nothing of. */
export const CONSUMED_SOURCE: BodySource = Object.freeze({ type: "consumed" });

const EMPTY = new Uint8Array(0);

function ignore(): void {}

/**
 * Reads a Web stream to its end; past `limits.bytes` bytes, or `limits.timeoutMs` after it
 * started, it cancels the stream and stops. Never rejects. A reader loop, not
 * `Response.arrayBuffer()`: on Node 20 (undici) the loop costs about half as much, and it is the
 * only way to stop at a limit.
 */
export async function readWebStream(
  stream: ReadableStream<Uint8Array> | null,
  limits: ReadLimits,
): Promise<BodyBytes> {
  if (stream === null) return EMPTY;
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = stream.getReader();
  } catch {
    // Already read or locked (a framework consumed it).
    return CONSUMED;
  }
  const limit = limits.bytes;
  let timedOut = false;
  // Cancelling ends the pending read() (done: true), so the loop needs no race per chunk.
  const deadline =
    limits.timeoutMs === undefined
      ? undefined
      : setDeadline(limits.timeoutMs, () => {
          timedOut = true;
          reader.cancel().catch(ignore);
        });
  try {
    // Most bodies arrive in one chunk: keep it as is, without a list or a copy.
    let first: Uint8Array | undefined;
    let rest: Uint8Array[] | undefined;
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) return TIMED_OUT;
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Not awaited: a slow or hostile sender must not hold us here.
        reader.cancel().catch(ignore);
        return TOO_LARGE;
      }
      if (first === undefined) first = value;
      else (rest ??= [first]).push(value);
    }
    return rest ? concat(rest, size) : (first ?? EMPTY);
  } catch {
    return timedOut ? TIMED_OUT : UNREADABLE;
  } finally {
    clearDeadline(deadline);
  }
}

/**
 * Where a Fetch Request's body comes from. A host's own request object (not a plain `Request`:
 * @hono/node-server's lightweight request) reads the socket straight into bytes through
 * `arrayBuffer()`, while asking it for `body` first builds a whole Fetch Request and a stream on
 * top (half the deliveries per second in `pnpm bench`). `arrayBuffer()` cannot stop at a limit, so it is used only
 * for a body whose Content-Length is declared, which is checked against the limit before any read
 * (and HTTP/1.1 parsers deliver no byte past it). Anything else, and every plain Request, is read
 * with the reader loop. Nothing of the body is touched before the read starts (after the token).
 */
export function bodyOfRequest(request: Request): BodySource {
  if (request.bodyUsed) return CONSUMED_SOURCE;
  const plain =
    typeof Request === "function" && Object.getPrototypeOf(request) === Request.prototype;
  if (plain || declaredLength(request.headers.get("content-length")) === undefined) {
    return {
      type: "stream",
      read: (limits, done) => void readWebStream(request.body, limits).then(done),
    };
  }
  return { type: "stream", read: (limits, done) => readWhole(request, limits, done) };
}

/**
 * `request.arrayBuffer()` within `limits`: calls `done` once, straight from the read's own
 * settlement or the timer (no race of promises: each hop between the body and the answer costs
 * deliveries per second, see the pipeline in webhooks.ts).
 */
function readWhole(request: Request, limits: ReadLimits, done: (bytes: BodyBytes) => void): void {
  let settled = false;
  const settle = (bytes: BodyBytes): void => {
    if (settled) return;
    settled = true;
    clearDeadline(deadline);
    done(bytes);
  };
  const deadline =
    limits.timeoutMs === undefined
      ? undefined
      : setDeadline(limits.timeoutMs, () => settle(TIMED_OUT));
  request.arrayBuffer().then(
    (buffer) => settle(buffer.byteLength > limits.bytes ? TOO_LARGE : new Uint8Array(buffer)),
    () => settle(UNREADABLE),
  );
}

export function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

// fatal: a body that is not valid UTF-8 is malformed, not silently repaired.
const decoder = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 bytes → the parsed JSON value, or MALFORMED. */
export function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return MALFORMED;
  }
}

/** `application/json`, any case, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(value: string | null | undefined): boolean {
  if (!value) return false;
  const semicolon = value.indexOf(";");
  const type = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  return type === "application/json";
}

/**
 * What a Content-Length header says: a byte count, or undefined when absent. An unparsable value
 * counts as absent: the byte limit still applies while reading.
 */
export function declaredLength(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
