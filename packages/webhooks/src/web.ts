/**
 * The Web-standard adapter: a Fetch API `Request` in, a `Response` out, through an instance's
 * pipeline (its internal entry), as the Node adapter (node.ts) does with node:http.
 */
import { bodyOfRequest } from "./body.js";
import { pathnameOfAbsolute } from "./routing.js";
import { toResponse } from "./status-policy.js";
import type { Pipeline } from "./webhooks.js";

/**
 * Answers a delivery; rejects only when `request` is not a Request (as an async function would:
 * nothing throws synchronously).
 */
export function handleRequest(pipeline: Pipeline, request: Request): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers = request.headers;
    const delivery = {
      method: request.method,
      token: headers.get("x-verify-token"),
      contentType: headers.get("content-type"),
      contentEncoding: headers.get("content-encoding"),
      contentLength: headers.get("content-length"),
      pathname: pathnameOfAbsolute(request.url),
      body: bodyOfRequest(request),
    };
    pipeline.run(delivery, (outcome) => {
      try {
        resolve(toResponse(outcome));
      } catch (error) {
        reject(error);
      }
    });
  });
}
