import type { paths } from "@mehery/xms-types";
import type { Client, FetchResponse, MaybeOptionalInit, ParseAs } from "openapi-fetch";
import { settle } from "./options.js";
import { withRetry, type Attempt, type CallRetryOptions } from "./retry.js";
import { send, type Transport } from "./transport.js";

type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: {} } ? P : never;
}[keyof paths];
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
// openapi-fetch's init with `undefined` allowed in every optional field, so that under
// exactOptionalPropertyTypes an optional `signal` or count passes straight through.
type AllowUndefined<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] };
// openapi-fetch's InitParam, with the retry options typed (a "none" or a string count is refused).
// `parseAs` is named here too: inferred through the generic AllowUndefined alone, a literal
// `parseAs: "stream"` widened to string, and `data` lost its ReadableStream type.
type Extra = CallRetryOptions & { parseAs?: ParseAs | undefined; [key: string]: unknown };
type InitParam<Init> = [RequiredKeys<Init>] extends [never] ? [(Init & Extra)?] : [Init & Extra];

/** One verb of the path API, e.g. `client.GET(path, init)`. */
export type PathMethod<M extends HttpMethod> = <
  P extends PathsWith<M>,
  Init extends AllowUndefined<MaybeOptionalInit<paths[P], M>>,
>(
  url: P,
  ...init: InitParam<Init>
) => Promise<FetchResponse<Extract<paths[P][M], Record<string, any>>, Init, `${string}/${string}`>>;

/**
 * The openapi-fetch path API, typed from the spec: `client.GET(path, init)` and
 * `client.POST(path, init)` resolve to `{ data, error, response }`. HTTP errors are returned, not
 * thrown; only timeouts (`XmsTimeoutError`) and connection failures (`XmsConnectionError`) throw.
 * `init` also takes the per-call retry options: `maxRetries`, `timeoutMs`, `deadlineMs`.
 */
export interface XmsPathClient extends Pick<Client<paths>, "use" | "eject"> {
  GET: PathMethod<"get">;
  PUT: PathMethod<"put">;
  POST: PathMethod<"post">;
  DELETE: PathMethod<"delete">;
  OPTIONS: PathMethod<"options">;
  HEAD: PathMethod<"head">;
  PATCH: PathMethod<"patch">;
  TRACE: PathMethod<"trace">;
  /** `client.request("post", path, init)`: the same, with the method as an argument. */
  request: <
    M extends HttpMethod,
    P extends PathsWith<M>,
    Init extends AllowUndefined<MaybeOptionalInit<paths[P], M>>,
  >(
    method: M,
    url: P,
    ...init: InitParam<Init>
  ) => Promise<
    FetchResponse<Extract<paths[P][M], Record<string, any>>, Init, `${string}/${string}`>
  >;
}

/**
 * What openapi-fetch builds with `new Request(url, init)` when no middleware needs a real Request:
 * the URL and the init, as given, so that the attempt's `send` builds the one Request of the call
 * (undici's Request constructor is a tenth of a loopback call, and fetch() copies a Request it is
 * given into a second one). openapi-fetch reads only `url`, `method` and `headers` of it.
 */
type Pending = { url: string; init: RequestInit; headers: Headers; method: string | undefined };
// A plain function that `new` calls: what it returns is the "Request" (fewer bytes than a class).
const PendingRequest = function (url: string, init: RequestInit & { headers: Headers }): Pending {
  return { url, init, headers: init.headers, method: init.method };
};

/**
 * With `parseAs: "stream"` openapi-fetch hands the caller the body to read after the call returns,
 * past the attempt's time limit and its caller's abort. The body is read within the attempt
 * instead (a stall times out, a reset is an `XmsConnectionError`, retried when safe), and the
 * caller streams it from memory: the API's bodies are JSON documents, not streams.
 */
async function buffered(response: Response): Promise<Response> {
  if (!response.body) return response; // 204, HEAD: nothing to read, and no body allowed
  const copy = new Response(await response.arrayBuffer(), response);
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/** The keys of a call's init that are the client's, kept from openapi-fetch. */
const ours = new Set(["maxRetries", "timeoutMs", "deadlineMs", "signal"]);

type Init = CallRetryOptions & { signal?: AbortSignal | null; [key: string]: unknown };

/**
 * Wraps an openapi-fetch client so that each call runs in the retry loop: every attempt is one
 * openapi-fetch call with its own abort signal (so the time limit covers the body openapi-fetch
 * reads) and a `fetch` that hands retried responses back unread. No Request subclass, and no
 * response is copied.
 */
export function createPathClient(
  t: Transport,
  raw: Client<paths>,
): XmsPathClient & {
  /** Number of middlewares registered with `use`. */
  readonly middlewares: number;
} {
  type Verb = (path: string, init: object) => Promise<unknown>;
  const verbs = raw as unknown as Record<string, Verb>;

  // Not `async`: the promise withRetry returns is the call's, without a second one around it (a
  // bad option still rejects, as an async function's throw would).
  function call(method: string, path: string, init?: Init): Promise<unknown> {
    let policy;
    try {
      policy = settle(init ?? {}, "the call's", t.policy);
    } catch (error) {
      return Promise.reject(error);
    }
    const idempotent = t.idempotent(method, path);
    const info = { method, path, url: t.baseUrl + path, idempotent, signal: init?.signal };
    return withRetry(policy, info, (attempt: Attempt) => {
      // A middleware, the client's (`use`) or the call's own (`middleware`), gets a real Request.
      const real = registered.length > 0 || !!(init?.middleware as unknown[] | undefined)?.length;
      // openapi-fetch's init: the call's, without the client's own options (the retry options,
      // and the caller's signal, which the attempt's follows), as a new object literal each
      // attempt (in a CPU profile, an init built up by assignment from `{}` doubled a call's GC
      // time; the literal did not).
      const options: Record<string, unknown> = {
        fetch: (req: Request | Pending) => {
          info.url = req.url;
          const sent =
            "init" in req ? send(t, attempt, req.url, req.init) : send(t, attempt, req, {});
          return init?.parseAs == "stream" ? sent.then(buffered) : sent;
        },
        // Middlewares get real Requests; a custom fetch then gets the signal inside (see `send`).
        Request: real ? Request : PendingRequest,
        signal: real && t.fetch ? attempt.signal : undefined,
      };
      for (const key in init) if (!ours.has(key) && !(key in options)) options[key] = init[key];
      return verbs[method]!(path, options);
    });
  }

  const registered: unknown[] = [];
  const client = {
    request: (method: string, path: string, init?: Init) => call(method.toUpperCase(), path, init),
    use(...list: Parameters<Client<paths>["use"]>) {
      raw.use(...list);
      registered.push(...list);
    },
    eject(...list: Parameters<Client<paths>["eject"]>) {
      raw.eject(...list);
      for (const m of list) if (registered.includes(m)) registered.splice(registered.indexOf(m), 1);
    },
    get middlewares() {
      return registered.length;
    },
  } as Record<string, unknown>;
  for (const method of ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]) {
    client[method] = (path: string, init?: Init) => call(method, path, init);
  }
  return client as unknown as XmsPathClient & { readonly middlewares: number };
}
