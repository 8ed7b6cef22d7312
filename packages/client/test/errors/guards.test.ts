import { runInNewContext } from "node:vm";
import { expect, test, vi } from "vitest";
import {
  isXmsApiError,
  isXmsAuthenticationError,
  isXmsBadRequestError,
  isXmsConflictError,
  isXmsConnectionError,
  isXmsError,
  isXmsInternalServerError,
  isXmsNotFoundError,
  isXmsPermissionDeniedError,
  isXmsRateLimitError,
  isXmsResponseParseError,
  isXmsTimeoutError,
  isXmsUnprocessableEntityError,
  XmsApiError,
  XmsConnectionError,
  XmsError,
  XmsRateLimitError,
  XmsTimeoutError,
} from "../../src/index.js";
import { createApiError } from "../../src/errors/create-api-error.js";

const response = (status: number) => new Response("{}", { status });

test("each status maps to its class, and each guard recognises exactly its own", () => {
  const guards = {
    400: isXmsBadRequestError,
    401: isXmsAuthenticationError,
    403: isXmsPermissionDeniedError,
    404: isXmsNotFoundError,
    409: isXmsConflictError,
    422: isXmsUnprocessableEntityError,
    429: isXmsRateLimitError,
    500: isXmsInternalServerError,
  };
  const names = {
    400: "XmsBadRequestError",
    401: "XmsAuthenticationError",
    403: "XmsPermissionDeniedError",
    404: "XmsNotFoundError",
    409: "XmsConflictError",
    422: "XmsUnprocessableEntityError",
    429: "XmsRateLimitError",
    500: "XmsInternalServerError",
  };
  for (const [status, guard] of Object.entries(guards)) {
    const error = createApiError(response(+status), {}, "GET", "http://127.0.0.1/x");
    expect(error.name).toBe(names[status as unknown as keyof typeof names]);
    expect(error).toBeInstanceOf(XmsApiError);
    expect(isXmsApiError(error)).toBe(true);
    expect(isXmsError(error)).toBe(true);
    for (const other of Object.values(guards)) expect(other(error)).toBe(other === guard);
  }
  expect(createApiError(response(503), {}, "GET", "u").name).toBe("XmsInternalServerError");
  const teapot = createApiError(response(418), {}, "GET", "u");
  expect(teapot.name).toBe("XmsApiError");
  expect(isXmsApiError(teapot)).toBe(true);
});

test("XmsTimeoutError is an XmsConnectionError; neither is an XmsApiError", () => {
  const timeout = new XmsTimeoutError("GET", "u", undefined, "timeoutMs of 1 ms exceeded");
  expect(timeout).toBeInstanceOf(XmsConnectionError);
  expect(isXmsConnectionError(timeout)).toBe(true);
  expect(isXmsTimeoutError(timeout)).toBe(true);
  expect(isXmsApiError(timeout)).toBe(false);
  expect(isXmsTimeoutError(new XmsConnectionError("GET", "u"))).toBe(false);
  expect(isXmsResponseParseError(timeout)).toBe(false);
});

test("guards reject look-alikes that lack the brand", () => {
  for (const value of [
    new Error("x"),
    Object.assign(new Error("x"), { name: "XmsRateLimitError", status: 429 }),
    { name: "XmsError" },
    null,
    undefined,
    "XmsError",
  ]) {
    expect(isXmsError(value)).toBe(false);
    expect(isXmsRateLimitError(value)).toBe(false);
  }
});

test("guards recognise errors from another realm, where instanceof fails", () => {
  const foreign: unknown = runInNewContext(`
    const e = new Error("429 Too many requests");
    e.name = "XmsRateLimitError";
    Object.defineProperty(e, Symbol.for("@mehery/xms-client.error"), { value: true });
    e;
  `);
  expect(foreign instanceof XmsError).toBe(false);
  expect(isXmsError(foreign)).toBe(true);
  expect(isXmsApiError(foreign)).toBe(true);
  expect(isXmsRateLimitError(foreign)).toBe(true);
});

test("guards recognise errors from a second copy of the package", async () => {
  vi.resetModules();
  const copy = await import("../../src/index.js");
  expect(copy.XmsRateLimitError).not.toBe(XmsRateLimitError);
  const error = createApiError(response(429), {}, "POST", "u");
  expect(error instanceof copy.XmsError).toBe(false);
  expect(copy.isXmsRateLimitError(error)).toBe(true);
  const theirs = new copy.XmsTimeoutError("GET", "u", undefined, "timeoutMs of 1 ms exceeded");
  expect(isXmsTimeoutError(theirs)).toBe(true);
  expect(isXmsConnectionError(theirs)).toBe(true);
});

test("errors carry cause and a readable name, and are not mutable records of the request", () => {
  const cause = new TypeError("fetch failed");
  const error = new XmsConnectionError("POST", "http://127.0.0.1/api/v1/message/send", { cause });
  expect(error.cause).toBe(cause);
  expect(String(error)).toBe(
    "XmsConnectionError: Connection error (ERR_CONNECTION; the request may have reached the server): POST http://127.0.0.1/api/v1/message/send",
  );
  expect(Object.keys(error).sort()).toEqual(["code", "method", "name", "sent", "url"]);
});
