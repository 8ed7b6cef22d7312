import type { paths } from "@mehery/xms-types";
import * as openapiFetch from "openapi-fetch";
import type { Client } from "openapi-fetch";
import { XmsError } from "./errors/XmsError.js";
import { createResources, type Resources } from "./resources.js";
import { createRetryFetch, type FetchLike, type RetryOptions } from "./retry.js";
import { VERSION } from "./version.js";

// openapi-fetch's CommonJS build exports `exports.default`: required from our CommonJS build (in
// Node's interop mode) the namespace's `default` is that exports object, not the function.
const createFetchClient: typeof openapiFetch.default =
  (openapiFetch.default as { default?: typeof openapiFetch.default }).default ??
  openapiFetch.default;

/** The production base URL of the XMS Messaging API. */
export const DEFAULT_BASE_URL = "https://api.mehery.xyz/xms";

export interface ClientOptions extends RetryOptions {
  /** The secret API key (`x-api-key`). Default: `process.env.XMS_API_KEY`. */
  apiKey?: string;
  /** The id of the API key (`x-api-id`). Default: `process.env.XMS_API_ID`. */
  apiId?: string;
  /** Default `https://api.mehery.xyz/xms`. */
  baseUrl?: string;
  /** The fetch every attempt goes through. Default: `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Default `xms-client/<version>`; sent as `User-Agent`, or as `x-xms-user-agent` in a browser. */
  userAgent?: string;
  /**
   * A browser page shows its API key to every visitor, so `createClient` throws in a browser unless
   * this is `true` (for an internal tool whose users may hold the key).
   */
  dangerouslyAllowBrowser?: boolean;
}

/**
 * The openapi-fetch path API, typed from the spec: `client.GET(path, init)` and
 * `client.POST(path, init)` resolve to `{ data, error, response }`. HTTP errors are returned, not
 * thrown; only timeouts (`XmsTimeoutError`) and connection failures (`XmsConnectionError`) throw.
 * `init` also takes the `CallRetryOptions` (openapi-fetch types extra init keys as `unknown`).
 */
export type XmsPathClient = Client<paths>;

/** The client: the path API (`client.GET`, `client.POST`) and the resource methods (`client.messages.send`). */
export type XmsClient = XmsPathClient & Resources;

type Env = {
  process?: { env?: Record<string, string | undefined> };
  window?: unknown;
  document?: unknown;
};

/**
 * Creates a client of the XMS Messaging API.
 *
 * @example
 * const xms = createClient({ apiKey: "...", apiId: "..." });
 * const { data } = await xms.messages.send({
 *   channelId: "wa360:918828218374",
 *   to: { phone: "919988776655" },
 *   type: "text",
 *   text: { body: "Your order has shipped." },
 * });
 */
export function createClient(options: ClientOptions = {}): XmsClient {
  const g = globalThis as Env;
  const env = g.process?.env;
  const apiKey = options.apiKey ?? env?.XMS_API_KEY;
  const apiId = options.apiId ?? env?.XMS_API_ID;
  if (!apiKey) throw new XmsError("@mehery/xms-client: missing apiKey; pass it or set XMS_API_KEY");
  if (!apiId) throw new XmsError("@mehery/xms-client: missing apiId; pass it or set XMS_API_ID");
  const browser = g.window !== undefined && g.document !== undefined;
  if (browser && !options.dangerouslyAllowBrowser) {
    throw new XmsError(
      "@mehery/xms-client: in a browser, set dangerouslyAllowBrowser to expose the API key",
    );
  }
  // Absolute, without a trailing slash: the form request URLs take (a browser resolves a relative one).
  const baseUrl = new Request(options.baseUrl ?? DEFAULT_BASE_URL).url.replace(/\/$/, "");
  // Idempotency by "METHOD url-without-query", filled from the generated table by createResources.
  // A request the table does not know (a custom path) counts as idempotent only for GET and HEAD.
  const idempotent = new Map<string, boolean>();
  const retry = createRetryFetch(options, (method, url) => {
    const query = url.indexOf("?");
    return (
      idempotent.get(`${method} ${query < 0 ? url : url.slice(0, query)}`) ??
      (method == "GET" || method == "HEAD")
    );
  });

  const client = createFetchClient<paths>({
    baseUrl,
    ...retry,
    headers: {
      [browser ? "x-xms-user-agent" : "user-agent"]: options.userAgent ?? `xms-client/${VERSION}`,
      ...options.headers,
      "x-api-key": apiKey,
      "x-api-id": apiId,
    },
  });
  return Object.assign(
    client,
    createResources(client.request as never, baseUrl, idempotent),
  ) as XmsClient;
}
