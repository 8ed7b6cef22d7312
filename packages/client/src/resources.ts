import type { paths } from "@mehery/xms-types";
// openapi-fetch's own serializers, already in every bundle of createClient: a resource method
// builds the same URL and headers as the path API, at no extra bytes.
import { createQuerySerializer, mergeHeaders } from "openapi-fetch";
import { createApiError } from "./errors/create-api-error.js";
import { XmsResponseParseError } from "./errors/XmsResponseParseError.js";
import type { CallOptions } from "./call-options.js";
import { resources, type Resources } from "./generated/resources.js";
import { settle } from "./options.js";
import { withRetry } from "./retry.js";
import { send, type Transport } from "./transport.js";

export type { CallOptions };
export type { Resources };

/** The generated table of operations: `resources.messages.send` = `{ method, path, idempotent, input, ... }`. */
export type ResourceTable = typeof resources;
type Entry = { method: string; path: string; input: string; idempotent: boolean };

/** The operation object of `paths` that a table entry names. */
type OperationOf<E extends Entry> = E["path"] extends keyof paths
  ? paths[E["path"]][Lowercase<E["method"]> & keyof paths[E["path"]]]
  : never;

type JsonOf<T> = T extends { content: { "application/json": infer J } } ? J : never;
/** The JSON body of an operation's 200 response. */
export type OperationResponse<O> = O extends { responses: { 200: infer R } } ? JsonOf<R> : never;
/** The JSON request body of an operation. */
export type OperationBody<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
/** The query parameters of an operation. */
export type OperationQuery<O> = O extends { parameters: { query?: infer Q } } ? Q : never;

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/** The signature of the resource method for one table entry. */
export type ResourceMethod<E extends Entry, O = OperationOf<E>> = E["input"] extends "body"
  ? (body: OperationBody<O>, options?: CallOptions) => Promise<OperationResponse<O>>
  : E["input"] extends "query"
    ? [RequiredKeys<NonNullable<OperationQuery<O>>>] extends [never]
      ? (
          query?: NonNullable<OperationQuery<O>>,
          options?: CallOptions,
        ) => Promise<OperationResponse<O>>
      : (
          query: NonNullable<OperationQuery<O>>,
          options?: CallOptions,
        ) => Promise<OperationResponse<O>>
    : (options?: CallOptions) => Promise<OperationResponse<O>>;

/** The path API call the resource methods fall back to while middlewares are registered. */
type RequestFn = (
  method: string,
  path: string,
  init: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

function parseError(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Builds the resource methods. Each sends its request straight through the retry loop (reading
 * the body once, as text, within the attempt's time limit) and returns the parsed 200 body or
 * throws. While middlewares are registered (`client.use`), they go through the path API instead,
 * so that the middlewares see them.
 */
export function createResources(t: Transport, viaPathApi: () => RequestFn | undefined): Resources {
  const out: Record<string, Record<string, unknown>> = {};
  const jsonHeaders = { ...t.headers, "content-type": "application/json" };
  const plainHeaders = t.headers;
  // Scalars as `key=value`, arrays repeated (form, explode): the path API's default.
  const querySerializer = createQuerySerializer();
  for (const [name, group] of Object.entries(resources)) {
    const methods: Record<string, unknown> = (out[name] = {});
    for (const [key, op] of Object.entries(group) as [string, Entry][]) {
      const { method, path, input, idempotent } = op;
      // Not `async`: the promise withRetry returns is the call's, without a second one around it
      // (a bad option or an unserializable body still rejects, as an async function's throw would).
      methods[key] = (arg?: unknown, options?: CallOptions): Promise<unknown> => {
        try {
          return start(arg, options);
        } catch (error) {
          return Promise.reject(error);
        }
      };
      const start = (arg?: unknown, options?: CallOptions): Promise<unknown> => {
        if (input == "none") options = arg as CallOptions;
        options ??= {};
        const policy = settle(options, "the call's", t.policy);
        const body = input == "body" ? JSON.stringify(arg) : undefined;
        const query = input == "query" && arg ? (arg as Record<string, unknown>) : undefined;
        const search = query && querySerializer(query);
        const url = t.baseUrl + path + (search ? `?${search}` : "");
        const request = viaPathApi();
        if (request) {
          // openapi-fetch serializes the body again: the wire bytes are those of `body`.
          return request(method, path, {
            ...options,
            parseAs: "text",
            body: input == "body" ? arg : undefined,
            params: query && { query },
          }).then(({ data, error, response }) =>
            parse(response, response.ok ? data : error, method, url),
          );
        }
        const base = body === undefined ? plainHeaders : jsonHeaders;
        // A call may replace any header, or remove one with `null`.
        const headers = options.headers ? mergeHeaders(base, options.headers) : base;
        const call = { method, path, url, idempotent, signal: options.signal };
        return withRetry(policy, call, async (attempt) => {
          const response = await send(t, attempt, url, { method, headers, body: body ?? null });
          return parse(response, await response.text(), method, url, headers);
        });
      };
    }
  }
  return out as unknown as Resources;

  function parse(
    response: Response,
    text: unknown,
    method: string,
    url: string,
    sent?: Headers | Record<string, string>,
  ): unknown {
    if (!response.ok) {
      const body = typeof text == "string" ? parseError(text) : text;
      // The credentials this request carried (a call's headers may have removed one).
      const credentials = t.credentials.filter(
        (name) => !sent || (sent instanceof Headers ? sent.has(name) : name in sent),
      );
      throw createApiError(response, body, method, url, { baseUrl: t.baseUrl, credentials });
    }
    try {
      return JSON.parse(text as string);
    } catch (cause) {
      throw new XmsResponseParseError(response.status, method, url, { cause });
    }
  }
}
