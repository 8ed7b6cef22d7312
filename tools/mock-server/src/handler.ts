import type { Context, OpenAPIBackend } from "openapi-backend";
import { errorBody } from "./bodies.js";
import { corsHeaders, preflightHeaders } from "./cors.js";
import { parsePrefer, pickAnswer } from "./examples.js";
import { toFieldErrors, type FieldError } from "./field-errors.js";
import { defaultSpecPath, isObject, loadSpec, type JsonObject } from "./spec.js";
import { createBackend } from "./validator.js";

/** The mock as a web-standard function; the Node server in server.ts is a thin adapter over it. */
export type MockHandler = (request: Request) => Promise<Response>;

export interface MockHandlerOptions {
  /** Path of the OpenAPI 3.1 document to serve. Default: this repository's `spec/openapi.yaml`. */
  readonly spec?: string;
}

/** What the handler hands to openapi-backend's handlers besides the request itself. */
interface RequestExtras {
  readonly path: string;
  readonly text: string;
  readonly contentType: string | null;
  readonly prefer: string | null;
  readonly bodyError: FieldError | undefined;
}

/** A reply before it becomes a Response: status, JSON body (if any) and extra headers. */
interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

interface Mock {
  readonly api: OpenAPIBackend;
  readonly document: JsonObject;
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

// One parsed document and one set of compiled validators per spec file and process: the
// second server a test file starts does not pay for them again.
const mocks = new Map<string, Promise<Mock>>();

function loadMock(specPath: string): Promise<Mock> {
  let mock = mocks.get(specPath);
  if (mock === undefined) {
    mock = buildMock(specPath);
    mocks.set(specPath, mock);
    mock.catch(() => mocks.delete(specPath));
  }
  return mock;
}

async function buildMock(specPath: string): Promise<Mock> {
  const document = await loadSpec(specPath);
  const api = await createBackend(document);
  const schemes = headerSchemes(document);
  registerSecurityHandlers(api, schemes);
  api.register({
    notFound: (c: Context, x: RequestExtras): Reply => notFound(x.path),
    methodNotAllowed: (c: Context, x: RequestExtras): Reply => methodNotAllowed(api, x.path),
    unauthorizedHandler: (c: Context, x: RequestExtras): Reply =>
      unauthorized(document, schemes, c, x),
    validationFail: (c: Context, x: RequestExtras): Reply => answer(document, c, x),
    notImplemented: (c: Context, x: RequestExtras): Reply => answer(document, c, x),
  });
  return { api, document };
}

/**
 * Creates the mock: routes by `paths`, checks the security requirement (`x-api-key`, with or
 * without `x-api-id`), validates query, headers and JSON body, and answers with the spec's
 * example. Query parameters the operation does not declare are ignored, as Prism does. Rejects with an Error if the document cannot be read.
 *
 * @example
 * const handle = await createMockHandler();
 * const response = await handle(new Request("http://mock/api/v1/config/channels", {
 *   headers: { "x-api-key": "k", "x-api-id": "i" },
 * }));
 */
export async function createMockHandler(options: MockHandlerOptions = {}): Promise<MockHandler> {
  const { api, document } = await loadMock(options.spec ?? defaultSpecPath);
  return async function mockHandler(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    try {
      if (request.method === "OPTIONS") return preflight(api, path, request);
      const text =
        request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
      let body: unknown;
      let bodyError: FieldError | undefined;
      if (text.trim() !== "") {
        try {
          body = JSON.parse(text);
        } catch {
          // JSON.parse's message quotes the body: do not pass it on.
          bodyError = { field: "body", code: "json", description: "body is not valid JSON" };
        }
      }
      const extras: RequestExtras = {
        path,
        text,
        contentType: request.headers.get("content-type"),
        prefer: request.headers.get("prefer"),
        bodyError,
      };
      const headers = Object.fromEntries(request.headers);
      const reply: Reply = await api.handleRequest(
        {
          method: request.method,
          path,
          query: declaredQuery(api, request.method, path, url),
          headers,
          body,
        },
        extras,
      );
      return toResponse(reply);
    } catch (error) {
      const description = error instanceof Error ? error.message : "unknown error";
      return toResponse({
        status: 500,
        body: errorBody(500, "MOCK_INTERNAL_ERROR", "The mock server failed", path, [
          { field: "request", code: "internal", description },
        ]),
      });
    }
  };
}

/**
 * The query string without the parameters the matched operation does not declare: OpenAPI
 * leaves a query open, so `?sandbox=true` is ignored rather than refused (Prism does the same).
 */
function declaredQuery(api: OpenAPIBackend, method: string, path: string, url: URL): string {
  const operation = api.router.matchOperation({ method, path, headers: {} });
  if (operation === undefined) return url.search.slice(1);
  const parameters: unknown[] = operation.parameters ?? [];
  const declared = new Set(
    parameters.filter(isObject).flatMap((p) => (p["in"] === "query" ? [String(p["name"])] : [])),
  );
  const kept = new URLSearchParams();
  for (const [name, value] of url.searchParams) if (declared.has(name)) kept.append(name, value);
  return kept.toString();
}

function toResponse(reply: Reply): Response {
  const headers = new Headers({ ...corsHeaders, ...reply.headers });
  if (reply.body === undefined) return new Response(null, { status: reply.status, headers });
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
}

function methodsOf(api: OpenAPIBackend, path: string): string[] {
  return methods
    .filter((method) => api.router.matchOperation({ method, path, headers: {} }) !== undefined)
    .map((method) => method.toUpperCase());
}

function preflight(api: OpenAPIBackend, path: string, request: Request): Response {
  const allowed = methodsOf(api, path);
  if (allowed.length === 0) return toResponse(notFound(path));
  return new Response(null, {
    status: 204,
    headers: preflightHeaders(
      allowed,
      request.headers.get("access-control-request-method"),
      request.headers.get("access-control-request-headers"),
    ),
  });
}

function notFound(path: string): Reply {
  return {
    status: 404,
    body: errorBody(404, "MOCK_UNKNOWN_PATH", "No operation of the spec has this path", path, [
      { field: "path", code: "path", description: `path ${path} is not a path of the spec` },
    ]),
  };
}

function methodNotAllowed(api: OpenAPIBackend, path: string): Reply {
  const allowed = methodsOf(api, path);
  return {
    status: 405,
    headers: { allow: [...allowed, "OPTIONS"].join(", ") },
    body: errorBody(
      405,
      "MOCK_METHOD_NOT_ALLOWED",
      "The spec defines other methods for this path",
      path,
      [
        {
          field: "method",
          code: "enum",
          description: `method must be ${allowed.join(" or ")} for ${path}`,
          possibleValues: allowed,
        },
      ],
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Security

interface HeaderScheme {
  readonly name: string;
  readonly header: string;
}

/**
 * A header `apiKey` scheme is satisfied by a non-empty header: the mock checks that the
 * client sends its credentials, not what they are. Other kinds of scheme are refused when
 * the mock is created rather than mis-checked at the first request.
 */
function headerSchemes(document: JsonObject): HeaderScheme[] {
  const components = isObject(document["components"]) ? document["components"] : {};
  const schemes = isObject(components["securitySchemes"]) ? components["securitySchemes"] : {};
  return Object.entries(schemes).map(([name, scheme]) => {
    if (!isObject(scheme) || scheme["type"] !== "apiKey" || scheme["in"] !== "header") {
      throw new Error(
        `@mehery/xms-mock-server: security scheme ${name} is not an apiKey in a header, which is all the mock checks`,
      );
    }
    return { name, header: String(scheme["name"]).toLowerCase() };
  });
}

function registerSecurityHandlers(api: OpenAPIBackend, schemes: readonly HeaderScheme[]): void {
  for (const { name, header } of schemes) {
    api.registerSecurityHandler(name, (c: Context) => {
      const headers: unknown = c.request.headers;
      const value = isObject(headers) ? headers[header] : undefined;
      return typeof value === "string" && value.trim() !== "";
    });
  }
}

function unauthorized(
  document: JsonObject,
  schemes: readonly HeaderScheme[],
  c: Context,
  x: RequestExtras,
): Reply {
  const results: Record<string, unknown> = c.security;
  const operation = operationOf(document, c);
  // The alternatives of the requirement (`[{apiKey, apiId}, {apiKey}]`): the one closest to
  // being met names what is missing, so a request with no headers is told of x-api-key alone.
  const alternatives = securityAlternatives(document, operation).map((names) =>
    schemes.filter(({ name }) => names.includes(name)),
  );
  const failuresOf = (alternative: readonly HeaderScheme[]) =>
    alternative.filter(({ name }) => results[name] !== true);
  const closest = [...alternatives].sort((a, b) => failuresOf(a).length - failuresOf(b).length)[0];
  const accepted = alternatives
    .map((alternative) => alternative.map(({ header }) => header).join(" with "))
    .join(" or ");
  const errors: FieldError[] = failuresOf(closest ?? []).map(({ header }) => ({
    field: `header.${header}`,
    code: "required",
    description: `header.${header} is missing or empty; the spec accepts ${accepted}`,
  }));
  const example = jsonExample(operation, "401");
  const body = isObject(example)
    ? { ...example, errors }
    : errorBody(401, "UNAUTHORIZED", "Unauthorized", x.path, errors);
  return { status: 401, body };
}

/** The scheme names of each alternative of the operation's security requirement (or the document's). */
function securityAlternatives(document: JsonObject, operation: JsonObject): string[][] {
  const own = operation["security"];
  const requirements = Array.isArray(own) ? own : document["security"];
  return (Array.isArray(requirements) ? requirements : []).map((requirement) =>
    isObject(requirement) ? Object.keys(requirement) : [],
  );
}

// ---------------------------------------------------------------------------------------------
// Validation and the answer

function answer(document: JsonObject, c: Context, x: RequestExtras): Reply {
  const operation = operationOf(document, c);
  const errors: FieldError[] = [];
  const requestBody = isObject(operation["requestBody"]) ? operation["requestBody"] : undefined;
  const media = requestBody === undefined ? undefined : mediaTypes(requestBody);
  if (x.bodyError !== undefined) errors.push(x.bodyError);
  else if (
    media !== undefined &&
    x.text.trim() !== "" &&
    !media.includes(mediaTypeOf(x.contentType))
  ) {
    errors.push({
      field: "header.content-type",
      code: "mediaType",
      description: `header.content-type must be ${media.join(" or ")} for this body`,
      possibleValues: media,
    });
  }
  const validationErrors = c.validation?.errors ?? [];
  if (validationErrors.length > 0) {
    const fieldErrors = toFieldErrors(validationErrors, subjectOf(document, operation, c));
    // A body that is not JSON was never validated: its "body is required" is noise.
    errors.push(
      ...fieldErrors.filter((e) => x.bodyError === undefined || !/^body\b/.test(e.field)),
    );
  }
  if (errors.length > 0) {
    return {
      status: 400,
      body: errorBody(
        400,
        "MOCK_INVALID_REQUEST",
        "Request does not match spec/openapi.yaml",
        x.path,
        errors,
      ),
    };
  }
  const picked = pickAnswer(operation, parsePrefer(x.prefer));
  if (picked.ok) return { status: picked.status, body: picked.body, headers: picked.headers };
  return picked.status === 400
    ? {
        status: 400,
        body: errorBody(
          400,
          "MOCK_INVALID_PREFERENCE",
          "The Prefer header asks for what the spec does not have",
          x.path,
          [picked.error],
        ),
      }
    : {
        status: 501,
        body: errorBody(501, "MOCK_NO_EXAMPLE", "The spec has no example to answer with", x.path, [
          picked.error,
        ]),
      };
}

/** The operation as the (dereferenced) document has it, found by the route openapi-backend matched. */
function operationOf(document: JsonObject, c: Context): JsonObject {
  const paths = isObject(document["paths"]) ? document["paths"] : {};
  const item = paths[c.operation.path];
  const operation = isObject(item) ? item[c.operation.method] : undefined;
  if (!isObject(operation)) {
    throw new Error(
      `@mehery/xms-mock-server: no operation ${c.operation.method} ${c.operation.path}`,
    );
  }
  return operation;
}

function mediaTypes(requestBody: JsonObject): string[] {
  return isObject(requestBody["content"]) ? Object.keys(requestBody["content"]) : [];
}

function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function jsonExample(operation: JsonObject, status: string): unknown {
  const responses = operation["responses"];
  const response = isObject(responses) ? responses[status] : undefined;
  const content = isObject(response) ? response["content"] : undefined;
  const media = isObject(content) ? content["application/json"] : undefined;
  return isObject(media) ? media["example"] : undefined;
}

/**
 * The schemas and data laid out as openapi-backend validated them (`requestBody`, and the
 * parameters by location), so that errors can be traced back to the schema and the value.
 */
function subjectOf(document: JsonObject, operation: JsonObject, c: Context) {
  const body = operation["requestBody"];
  const content = isObject(body) ? body["content"] : undefined;
  const media = isObject(content) ? content["application/json"] : undefined;
  const parameters: Record<string, Record<string, unknown>> = {
    query: {},
    header: {},
    path: {},
    cookie: {},
  };
  const declared = operation["parameters"];
  for (const parameter of Array.isArray(declared) ? declared : []) {
    if (!isObject(parameter)) continue;
    const location = parameters[String(parameter["in"])];
    if (location === undefined) continue;
    // openapi-backend validates header parameters under their lower-case names.
    const name = String(parameter["name"]);
    location[parameter["in"] === "header" ? name.toLowerCase() : name] = parameter["schema"];
  }
  const properties: Record<string, unknown> = {
    requestBody: isObject(media) ? media["schema"] : undefined,
  };
  for (const [location, schemas] of Object.entries(parameters))
    properties[location] = { properties: schemas };
  const requestBody: unknown = c.request.requestBody;
  const { query, headers, params } = c.request;
  return {
    document,
    schema: { properties },
    data: { requestBody, query, header: headers, path: params },
  };
}
