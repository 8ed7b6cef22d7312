/**
 * The Web-standard adapter: a Fetch API `Request` in, a `Response` out, through an instance's
 * pipeline (its internal entry), as the Node adapter (node.ts) does with node:http.
 */
import { bodyOfRequest } from "./body.js";
import { pathnameOfAbsolute } from "./routing.js";
import { toResponse } from "./status-policy.js";
import type { Pipeline } from "./webhooks.js";

/** Answers a delivery; never rejects. */
export function handleRequest(pipeline: Pipeline, request: Request): Promise<Response> {
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
  return new Promise((resolve) =>
    pipeline.run(delivery, (outcome) => resolve(toResponse(outcome))),
  );
}
