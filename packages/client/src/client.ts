import type { paths } from "@mehery/xms-types";
import * as openapiFetch from "openapi-fetch";
import { DEFAULT_BASE_URL } from "./defaults.js";
import { createLog, type Logger, type LogLevel } from "./log.js";
import { checkBaseUrl, fail, settle } from "./options.js";
import { createPathClient, type XmsPathClient } from "./path-client.js";
import { createResources, type Resources } from "./resources.js";
import { resources } from "./generated/resources.js";
import type { FetchLike, RetryOptions } from "./retry.js";
import type { Transport } from "./transport.js";
import { VERSION } from "./version.js";

export { DEFAULT_BASE_URL };

// openapi-fetch's CommonJS build exports `exports.default`: required from our CommonJS build (in
// Node's interop mode) the namespace's `default` is that exports object, not the function.
// Looked up inside createClient, so that a bundle which imports only errors or guards drops it.
function createFetchClient(): typeof openapiFetch.default {
  const fn = openapiFetch.default;
  return (fn as { default?: typeof fn }).default ?? fn;
}

export interface ClientOptions extends RetryOptions {
  /** The secret API key (`x-api-key`). Default: `process.env.XMS_API_KEY`. */
  apiKey?: string | undefined;
  /** The id of the API key (`x-api-id`), sent only when set. Default: `process.env.XMS_API_ID`. */
  apiId?: string | undefined;
  /** An absolute http(s) URL. Default: `process.env.XMS_BASE_URL`, else `https://api.mehery.xyz/xms`. */
  baseUrl?: string | undefined;
  /** The fetch every attempt goes through. Default: `globalThis.fetch`. */
  fetch?: FetchLike | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Default `xms-client/<version>`; sent as `User-Agent`, or as `x-xms-user-agent` in a browser. */
  userAgent?: string | undefined;
  /**
   * A browser page shows its API key to every visitor, so `createClient` throws in a browser unless
   * this is `true` (for an internal tool whose users may hold the key).
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Where the one line per attempt goes. Default: `console`. */
  logger?: Logger | undefined;
  /** The least severe level logged. Default: `process.env.XMS_LOG`, else `"warn"` (quiet: attempts log at `debug`, retries at `info`). */
  logLevel?: LogLevel | undefined;
}

/** The client: the path API (`client.GET`, `client.POST`) and the resource methods (`client.messages.send`). */
export type XmsClient = XmsPathClient & Resources;
export type { XmsPathClient };

type Env = {
  process?: { env?: Record<string, string | undefined> };
  window?: unknown;
  document?: unknown;
};

/**
 * One environment variable, or undefined where there is none or reading it is not allowed
 * (Deno without --allow-env throws; an unreadable variable is an unset one).
 */
function readEnv(g: Env, name: string): string | undefined {
  try {
    return g.process?.env?.[name];
  } catch {
    return undefined;
  }
}

/**
 * Creates a client of the XMS Messaging API. Options that are `undefined` take their default;
 * an option that is set to something unusable throws an `XmsError` naming it.
 *
 * @example
 * const xms = createClient({ apiKey: process.env.XMS_API_KEY, apiId: process.env.XMS_API_ID });
 * const { data } = await xms.messages.send({
 *   channelId: "wa360:918828218374",
 *   to: { phone: "919988776655" },
 *   type: "text",
 *   text: { body: "Your order has shipped." },
 * });
 */
export function createClient(options: ClientOptions = {}): XmsClient {
  const g = globalThis as Env;
  const apiKey = options.apiKey ?? readEnv(g, "XMS_API_KEY");
  const apiId = options.apiId ?? readEnv(g, "XMS_API_ID");
  if (!apiKey) fail("missing apiKey; pass it or set XMS_API_KEY");
  const browser = g.window !== undefined && g.document !== undefined;
  if (browser && !options.dangerouslyAllowBrowser) {
    fail("in a browser, set dangerouslyAllowBrowser to expose the API key");
  }
  const policy = settle(options, "createClient's");
  const baseUrl =
    options.baseUrl !== undefined
      ? checkBaseUrl(options.baseUrl, "baseUrl")
      : checkBaseUrl(readEnv(g, "XMS_BASE_URL") || DEFAULT_BASE_URL, "XMS_BASE_URL");
  const logLevel = options.logLevel ?? (readEnv(g, "XMS_LOG") as LogLevel | undefined) ?? "warn";
  policy.onRetry = options.onRetry;
  policy.log = createLog(options.logger ?? console, logLevel);
  const credentials: Record<string, string> = { "x-api-key": apiKey };
  if (apiId) credentials["x-api-id"] = apiId;

  // Idempotency by path template, then method, from the generated table. A path the table does
  // not know counts as idempotent only for GET and HEAD.
  const idempotent = new Map<string, Record<string, boolean>>();
  for (const group of Object.values(resources)) {
    for (const op of Object.values(group)) {
      const methods = idempotent.get(op.path) ?? {};
      methods[op.method] = op.idempotent;
      idempotent.set(op.path, methods);
    }
  }
  const transport: Transport = {
    policy,
    baseUrl,
    headers: {
      [browser ? "x-xms-user-agent" : "user-agent"]: options.userAgent ?? `xms-client/${VERSION}`,
      ...options.headers,
      ...credentials,
    },
    credentials: Object.keys(credentials),
    // Without one, globalThis.fetch is read at call time, so a fetch installed after createClient
    // (a test polyfill) is used.
    fetch: options.fetch,
    idempotent: (method, path) =>
      idempotent.get(path)?.[method] ?? (method == "GET" || method == "HEAD"),
  };
  const raw = createFetchClient()<paths>({
    baseUrl,
    headers: transport.headers,
  });
  const pathClient = createPathClient(transport, raw);
  const resourceMethods = createResources(transport, () =>
    pathClient.middlewares ? (pathClient.request as never) : undefined,
  );
  return Object.assign(pathClient, resourceMethods) as XmsClient;
}
