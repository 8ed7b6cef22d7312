import type { paths } from "@mehery/xms-types";
import { createApiError } from "./errors/create-api-error.js";
import { XmsResponseParseError } from "./errors/XmsResponseParseError.js";
import { resources } from "./generated/resources.js";
import type { CallRetryOptions } from "./retry.js";

/** Options of one call of a resource method (`client.messages.send(body, options)`). */
export interface CallOptions extends CallRetryOptions {
  /** Aborts the call, its retries and waits included; the call rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Headers added to this call's request. */
  headers?: Record<string, string>;
}

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

/** `client.messages.send(...)`, `client.config.listChannels(...)`, ...: one method per table entry. */
export type Resources = {
  readonly [R in keyof ResourceTable]: {
    readonly [M in keyof ResourceTable[R]]: ResourceTable[R][M] extends Entry
      ? ResourceMethod<ResourceTable[R][M]>
      : never;
  };
};

/** The part of the openapi-fetch client that the resource methods call. */
type RequestFn = (
  method: string,
  path: string,
  init: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Builds the resource methods: each calls the path API, then returns the parsed 200 body or throws.
 * Also records each operation's idempotency in `idempotent`, by "METHOD absolute-url".
 */
export function createResources(
  request: RequestFn,
  baseUrl: string,
  idempotent: Map<string, boolean>,
): Resources {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, group] of Object.entries(resources)) {
    const methods: Record<string, unknown> = (out[name] = {});
    for (const [key, op] of Object.entries(group) as [string, Entry][]) {
      const { method, path, input } = op;
      const url = baseUrl + path;
      idempotent.set(`${method} ${url}`, op.idempotent);
      methods[key] = async (arg?: unknown, options?: CallOptions) => {
        if (input == "none") options = arg as CallOptions;
        const { data, error, response } = await request(method, path, {
          ...options,
          // The body is parsed here rather than by openapi-fetch, so malformed JSON becomes an XmsResponseParseError.
          parseAs: "text",
          body: input == "body" ? arg : undefined,
          params: input == "query" && arg ? { query: arg } : undefined,
        });
        if (!response.ok) throw createApiError(response, error, method, url);
        try {
          return JSON.parse(data as string);
        } catch (cause) {
          throw new XmsResponseParseError(response.status, method, url, { cause });
        }
      };
    }
  }
  return out as Resources;
}
