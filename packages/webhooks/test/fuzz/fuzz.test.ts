/**
 * Property-based fuzzing of handle(), in-process: whatever arrives, the receiver answers (no
 * crash, no unhandled rejection), every bad request gets a 4xx, and no handler sees it.
 */
import fc from "fast-check";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { messageNotificationExamples } from "../../src/generated/examples.js";
import { createWebhooks, type ValidationMode } from "../../src/index.js";
import { TOKEN, textExample, webhookRequest } from "../helpers/requests.js";

const MAX_BODY_BYTES = 1024 * 1024;
let requests = 0;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});

function receiver(validate: ValidationMode = "lenient") {
  const webhooks = createWebhooks({ verifyToken: TOKEN, validate, maxBodyBytes: MAX_BODY_BYTES });
  let calls = 0;
  webhooks.onAny(() => void calls++);
  webhooks.onContactInfo(() => {
    calls++;
    return {};
  });
  return {
    calls: () => calls,
    async send(
      body: string | Uint8Array,
      options: {
        method?: string;
        token?: string | null;
        type?: string | null;
        encoding?: string;
      } = {},
    ): Promise<{ status: number; body: string }> {
      requests++;
      const headers = new Headers();
      const type = options.type === undefined ? "application/json" : options.type;
      const token = options.token === undefined ? TOKEN : options.token;
      if (type !== null) headers.set("content-type", type);
      if (token !== null) headers.set("x-verify-token", token);
      if (options.encoding) headers.set("content-encoding", options.encoding);
      const method = options.method ?? "POST";
      const response = await webhooks.handle(
        new Request("http://127.0.0.1/webhooks", {
          method,
          headers,
          body: ["GET", "HEAD"].includes(method.toUpperCase()) ? null : body,
        }),
      );
      return { status: response.status, body: await response.text() };
    },
  };
}

const examples = Object.values(messageNotificationExamples).map((e) => JSON.stringify(e));

/** Every leaf (and empty object) of a JSON value, as [JSON pointer, value]. */
function leaves(value: unknown, pointer = ""): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${pointer}/${i}`));
  if (typeof value === "object" && value !== null && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, `${pointer}/${k}`));
  }
  return [[pointer, value]];
}

function setAt(root: unknown, pointer: string, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  const parts = pointer.split("/").slice(1);
  let node: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
  return copy;
}

/**
 * Whether lenient validation converts `value` to the type of `declared` (a leaf of a valid
 * example) without loss: a boolean or an exact number for a string, the canonical text of a
 * number for a number.
 */
function convertsLosslessly(declared: unknown, value: unknown): boolean {
  if (typeof declared === "string") {
    return (
      typeof value === "boolean" ||
      (typeof value === "number" && (Number.isSafeInteger(value) || !Number.isInteger(value)))
    );
  }
  if (typeof declared === "number" && typeof value === "string") {
    const number = Number(value);
    return (
      Number.isFinite(number) &&
      String(number) === value &&
      (!Number.isInteger(declared) || Number.isInteger(number))
    );
  }
  return false;
}

/** A JSON value of another type than `value`'s, that does not convert to it losslessly. */
function otherType(value: unknown): fc.Arbitrary<unknown> {
  const all = {
    string: fc.string(),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(fc.jsonValue(), { maxLength: 3 }),
    object: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
  };
  const kind =
    value === null ? "null" : Array.isArray(value) ? "array" : (typeof value as keyof typeof all);
  return fc
    .oneof(
      ...Object.entries(all)
        .filter(([k]) => k !== kind)
        .map(([, arbitrary]) => arbitrary),
    )
    .filter((other) => !convertsLosslessly(value, other));
}

/** The value at a JSON pointer (no escapes: the examples' keys have none). */
function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split("/").slice(1)) node = (node as Record<string, unknown>)[part];
  return node;
}

/**
 * The seed of every property: `FUZZ_SEED` to replay a run, else a fresh one per run. A property
 * that fails reports its seed and path in its error (fast-check's own report); a test that fails
 * any other way (a timeout, an assertion after fc.assert()) gets the seed appended to its error
 * message, so that vitest's failure summary always shows it.
 */
const SEED = process.env["FUZZ_SEED"]
  ? Number(process.env["FUZZ_SEED"])
  : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;

function runs(numRuns: number) {
  onTestFailed(({ task }) => {
    for (const error of task.result?.errors ?? []) {
      if (!error.message.includes(`seed: ${SEED}`)) {
        error.message += ` (fast-check seed ${SEED}; replay with FUZZ_SEED=${SEED})`;
      }
    }
  });
  return { numRuns, endOnFailure: true, seed: SEED };
}

/**
 * Each property sends up to 3,000 requests: about 1 s on a quiet 2-core machine, 5 s and more
 * when the machine runs other suites at the same time (vitest's default per-test timeout is
 * 5 s). The timeout bounds a hang, not the speed.
 */
const PROPERTY_TIMEOUT_MS = 120_000;

describe("fuzzing handle()", { timeout: PROPERTY_TIMEOUT_MS }, () => {
  test("random bytes: never a crash or a 5xx; a 4xx unless they happen to be a JSON object", async () => {
    const { send, calls } = receiver();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
        const { status } = await send(bytes);
        let isObject = false;
        try {
          const value: unknown = JSON.parse(
            new TextDecoder("utf-8", { fatal: true }).decode(bytes),
          );
          isObject = typeof value === "object" && value !== null && !Array.isArray(value);
        } catch {
          isObject = false;
        }
        expect(status).toBe(isObject ? 200 : 400);
      }),
      runs(3000),
    );
    expect(calls()).toBe(0);
  });

  test("a truncated valid example is malformed JSON: 400, no handler", async () => {
    const { send, calls } = receiver();
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...examples)
          .chain((json) =>
            fc.tuple(fc.constant(json), fc.integer({ min: 0, max: json.length - 1 })),
          ),
        async ([json, length]) => {
          const { status, body } = await send(json.slice(0, length));
          expect(status).toBe(400);
          expect(body).toBe('{"error":"malformed_json"}');
        },
      ),
      runs(2000),
    );
    expect(calls()).toBe(0);
  });

  test("a number or boolean at any string field of a valid example: 200, and handlers get the string", async () => {
    const targets = Object.values(messageNotificationExamples).flatMap((example) =>
      leaves(example)
        .filter(([, value]) => typeof value === "string")
        .map(([pointer]) => ({ example, pointer })),
    );
    const webhooks = createWebhooks({ verifyToken: TOKEN, maxBodyBytes: MAX_BODY_BYTES });
    let seen: unknown;
    webhooks.onAny(({ notification }) => void (seen = notification));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.oneof(
          fc.maxSafeInteger(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.boolean(),
        ),
        async ({ example, pointer }, value) => {
          // An integer past 2^53 has no exact text (JSON.parse rounds it): not a lossless case.
          fc.pre(
            typeof value !== "number" || !Number.isInteger(value) || Number.isSafeInteger(value),
          );
          requests++;
          seen = undefined;
          const response = await webhooks.handle(webhookRequest(setAt(example, pointer, value)));
          expect(response.status).toBe(200);
          expect(valueAt(seen, pointer)).toBe(String(JSON.parse(JSON.stringify(value))));
        },
      ),
      runs(2000),
    );
  });

  test("a wrong type that does not convert losslessly, at any field of a valid example: 400 pointing at it, no handler", async () => {
    const targets = Object.values(messageNotificationExamples).flatMap((example) =>
      leaves(example).map(([pointer, value]) => ({ example, pointer, value })),
    );
    const { send, calls } = receiver();
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...targets)
          .chain((target) => fc.tuple(fc.constant(target), otherType(target.value))),
        async ([{ example, pointer }, value]) => {
          const { status, body } = await send(JSON.stringify(setAt(example, pointer, value)));
          expect(status).toBe(400);
          const answer = JSON.parse(body) as { errors: { pointer: string }[] };
          expect(answer.errors.map((e) => e.pointer)).toContain(pointer);
        },
      ),
      runs(2000),
    );
    expect(calls()).toBe(0);
  });

  test("__proto__, constructor and prototype keys anywhere: strict rejects them, lenient pollutes nothing", async () => {
    const strict = receiver("strict");
    const lenient = receiver("lenient");
    const json = JSON.stringify(textExample);
    // Every position right after an object's "{" where a key can be inserted.
    const openings = [...json.matchAll(/\{(?=")/g)].map((m) => (m.index ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...openings),
        fc.constantFrom("__proto__", "constructor", "prototype"),
        fc.jsonValue({ maxDepth: 2 }),
        async (at, key, value) => {
          const body = `${json.slice(0, at)}${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"},${json.slice(at)}`;
          expect((await strict.send(body)).status).toBe(400);
          expect((await lenient.send(body)).status).toBe(200);
          expect(Object.prototype).not.toHaveProperty("polluted");
          expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
        },
      ),
      runs(600),
    );
    expect(strict.calls()).toBe(0);
  });

  test("a wrong token of any length: 401 without detail, no handler", async () => {
    const { send, calls } = receiver();
    const body = JSON.stringify(textExample);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: "grapheme", maxLength: 50 }),
          fc.integer({ min: 0, max: TOKEN.length - 1 }).map((n) => TOKEN.slice(0, n)),
          fc.string({ minLength: 1, maxLength: 10 }).map((s) => `${TOKEN}${s}`),
        ),
        async (token) => {
          fc.pre(token !== TOKEN);
          let header: string;
          try {
            header = new Headers({ t: token }).get("t") ?? "";
          } catch {
            return; // not a valid header value: no HTTP client could send it
          }
          fc.pre(header !== TOKEN);
          const answer = await send(body, { token });
          expect(answer).toEqual({ status: 401, body: '{"error":"unauthorized"}' });
        },
      ),
      runs(1000),
    );
    expect(calls()).toBe(0);
  });

  test("any method but POST: 405, no handler", async () => {
    const { send, calls } = receiver();
    const body = JSON.stringify(textExample);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "put", "Get"),
          fc.stringMatching(/^[A-Z]{3,10}$/),
        ),
        async (method) => {
          // Request normalizes the case of standard methods ("post" is POST); CONNECT, TRACE
          // and TRACK are forbidden methods it refuses to build.
          fc.pre(!["POST", "CONNECT", "TRACE", "TRACK"].includes(method.toUpperCase()));
          expect((await send(body, { method })).status).toBe(405);
        },
      ),
      runs(500),
    );
    expect(calls()).toBe(0);
  });

  test("any content type but application/json: 415, no handler", async () => {
    const { send, calls } = receiver();
    const body = JSON.stringify(textExample);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonx",
            "application/json-patch+json",
            "text/json",
          ),
          fc.stringMatching(/^[a-z]{1,10}\/[a-z.+-]{1,15}$/),
        ),
        async (type) => {
          fc.pre(type.toLowerCase() !== "application/json");
          expect((await send(body, { type })).status).toBe(415);
        },
      ),
      runs(1000),
    );
    expect(calls()).toBe(0);
  });

  test("10,000 levels of nesting anywhere it is not allowed: 400, no crash, no handler", async () => {
    const strict = receiver("strict");
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 10_000, max: 12_000 }),
        fc.constantFrom("array", "object"),
        fc.constantFrom("top", "messages", "meta", "unknown", "message-field"),
        async (depth, shape, where) => {
          const deep =
            shape === "array"
              ? `${"[".repeat(depth)}${"]".repeat(depth)}`
              : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
          const body = {
            top: deep,
            messages: `{"messages":${deep}}`,
            meta: `{"meta":{"domain":${deep}}}`,
            unknown: `{"type":"message","nested":${deep}}`,
            "message-field": `{"messages":[{"id":"1","type":"text","text":{"body":${deep}}}]}`,
          }[where];
          expect((await strict.send(body)).status).toBe(400);
        },
      ),
      runs(100),
    );
    expect(strict.calls()).toBe(0);
  });

  test("huge strings: a wrong field gets 400, past maxBodyBytes 413, no handler", async () => {
    const { send, calls } = receiver("strict");
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100_000, max: 2 * MAX_BODY_BYTES }),
        fc.constantFrom("id", "unknown"),
        async (size, where) => {
          const huge = "x".repeat(size);
          const body =
            where === "id"
              ? JSON.stringify({ messages: [{ id: huge, type: "sticker" }] })
              : JSON.stringify({ type: "message", [huge.slice(0, 1000)]: huge });
          const { status } = await send(body);
          expect(status).toBe(body.length > MAX_BODY_BYTES ? 413 : 400);
        },
      ),
      runs(40),
    );
    expect(calls()).toBe(0);
  });

  test("gzip bodies: a gzipped example is 200 and dispatched, gzipped bytes answer as plain ones, a cut gzip stream is 415, never 400 malformed_json", async () => {
    const { send, calls } = receiver();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant("example" as const), json: fc.constantFrom(...examples) }),
          fc.record({
            kind: fc.constant("bytes" as const),
            bytes: fc.uint8Array({ maxLength: 256 }),
          }),
          fc.record({
            kind: fc.constant("cut" as const),
            json: fc.constantFrom(...examples),
            keep: fc.double({ min: 0, max: 0.95, noNaN: true }),
          }),
        ),
        async (input) => {
          const before = calls();
          if (input.kind === "example") {
            expect((await send(gzipSync(input.json), { encoding: "gzip" })).status).toBe(200);
            expect(calls()).toBeGreaterThan(before);
          } else if (input.kind === "bytes") {
            const plain = await send(input.bytes);
            const gzipped = await send(gzipSync(input.bytes), { encoding: "gzip" });
            expect(gzipped).toEqual(plain);
          } else {
            const whole = gzipSync(input.json);
            const cut = whole.subarray(0, Math.floor(whole.byteLength * input.keep));
            const { status, body } = await send(cut, { encoding: "gzip" });
            expect(status).toBe(415);
            expect(body).toBe('{"error":"undecodable_body"}');
            expect(calls()).toBe(before);
          }
        },
      ),
      runs(800),
    );
  });

  test("sent at least 10,000 requests, with no unhandled rejection", () => {
    expect(requests).toBeGreaterThanOrEqual(10_000);
    expect(unhandled).toEqual([]);
  });
});
