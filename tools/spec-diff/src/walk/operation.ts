import { isObject, type Json } from "../load.js";
import type { Direction } from "../rules.js";
import { at, type Context, DOC_KEYS, isExtension, report, same, show } from "./context.js";
import { diffNotificationModel, NOTIFICATION_KEYS } from "./notification.js";
import { diffSchema, docs } from "./schema.js";
import { onlyAlternativesAdded } from "./security.js";
import { diffServers } from "./servers.js";

export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const SAFE_METHODS = new Set(["get", "head", "options"]);

/** One operation of `paths` or `webhooks`, with the path item it sits in. */
export interface OperationEntry {
  /** `POST /api/v1/message/send`, or `webhook messageNotification` (with its method if not POST). */
  label: string;
  method: string;
  pathItem: Json;
  op: Json;
}

/** What the document says about tags: `x-sdk-resource` of each tag name. */
export type Resources = Map<string, string>;

export interface OperationSides {
  before: OperationEntry;
  after: OperationEntry;
  resources: { before: Resources; after: Resources };
}

const OPERATION_KEYS = new Set([
  "operationId",
  "tags",
  "parameters",
  "requestBody",
  "responses",
  "deprecated",
  "security",
  "servers",
  "externalDocs",
  "x-sdk-method",
  "x-idempotent",
  "x-event-name",
  ...DOC_KEYS,
]);

/**
 * Compares one operation. For `paths`, what the user sends (parameters, request body) is on the
 * `send` side and the responses on the `receive` side; for `webhooks` it is the other way round:
 * the platform sends the request and the user's handler sends the answer.
 */
export function diffOperation(ctx: Context, sides: OperationSides): void {
  const { before, after } = sides;
  const b = before.op;
  const a = after.op;
  const webhook = ctx.surface === "webhooks";
  const input: Direction = webhook ? "receive" : "send";
  const output: Direction = webhook ? "send" : "receive";
  const opCtx = at(ctx, { direction: undefined, part: undefined, path: "" });

  if (b["operationId"] !== a["operationId"]) {
    report(
      opCtx,
      "operation-id-changed",
      `operationId ${show(b["operationId"])} → ${show(a["operationId"])}`,
    );
  }
  if (webhook) {
    if (b["x-event-name"] !== a["x-event-name"]) {
      report(
        opCtx,
        "event-name-changed",
        `x-event-name ${show(b["x-event-name"])} → ${show(a["x-event-name"])}`,
        "events",
      );
    }
    diffNotificationModel(opCtx, b, a);
  } else {
    compareClientFacts(opCtx, sides);
  }
  if (onlyAlternativesAdded(b["security"], a["security"])) {
    report(
      opCtx,
      "security-alternative-added",
      "security: an alternative added, every earlier one kept",
      "client",
    );
  } else if (!same(b["security"], a["security"])) {
    report(opCtx, "security-changed", "security requirements changed", "client");
  }
  diffServers(opCtx, b["servers"], a["servers"]);
  docs(opCtx, b, a, "docs", "summary");
  if (!same(b["externalDocs"], a["externalDocs"])) {
    report(opCtx, "docs-changed", "externalDocs changed", "none");
  }
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (OPERATION_KEYS.has(key) || same(b[key], a[key])) continue;
    // Only a webhook's notification extensions are read by codegen; on a path they are inert.
    if (webhook && NOTIFICATION_KEYS.has(key)) continue;
    if (isExtension(key)) {
      report(opCtx, "extension-changed", `${key} ${show(b[key])} → ${show(a[key])}`, "none");
    } else {
      report(opCtx, "keyword-changed", `${key} changed`);
    }
  }

  diffParameters(at(opCtx, { direction: input }), parametersOf(before), parametersOf(after));
  diffRequestBody(at(opCtx, { direction: input }), b["requestBody"], a["requestBody"]);
  diffResponses(at(opCtx, { direction: output }), b["responses"], a["responses"]);
}

/** Method name, resource and retry policy: what the client's resources table is made of. */
function compareClientFacts(ctx: Context, { before, after, resources }: OperationSides): void {
  const b = before.op;
  const a = after.op;
  const methodB = b["x-sdk-method"] ?? b["operationId"];
  const methodA = a["x-sdk-method"] ?? a["operationId"];
  if (methodB !== methodA) {
    report(
      ctx,
      "sdk-method-renamed",
      `client method ${show(methodB)} → ${show(methodA)}`,
      "client",
    );
  }
  const resourceB = resourceOf(b, resources.before);
  const resourceA = resourceOf(a, resources.after);
  if (resourceB !== resourceA) {
    report(
      ctx,
      "sdk-resource-changed",
      `client resource ${show(resourceB)} → ${show(resourceA)}`,
      "client",
    );
  } else if (!same(b["tags"], a["tags"])) {
    report(ctx, "docs-changed", `tags ${show(b["tags"])} → ${show(a["tags"])}`, "none");
  }
  const idemB = idempotent(b, before.method);
  const idemA = idempotent(a, after.method);
  if (idemB !== idemA) {
    report(
      ctx,
      idemA ? "idempotent-marked" : "idempotent-unmarked",
      `retried by the client: ${idemB} → ${idemA}`,
      "client",
    );
  }
}

function resourceOf(op: Json, resources: Resources): string | undefined {
  const tags = Array.isArray(op["tags"]) ? op["tags"] : [];
  for (const tag of tags) {
    const resource = typeof tag === "string" ? resources.get(tag) : undefined;
    if (resource !== undefined) return resource;
  }
  return undefined;
}

function idempotent(op: Json, method: string): boolean {
  const marked = op["x-idempotent"];
  return typeof marked === "boolean" ? marked : SAFE_METHODS.has(method);
}

// --- parameters -------------------------------------------------------------------------------

function parameterKey(p: Json): string {
  const where = String(p["in"]);
  const name = String(p["name"]);
  return `${where} ${where === "header" ? name.toLowerCase() : name}`;
}

/** The path item's parameters, overridden by the operation's own (same name and location). */
function parametersOf(entry: OperationEntry): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const list of [entry.pathItem["parameters"], entry.op["parameters"]]) {
    if (!Array.isArray(list)) continue;
    for (const p of list) if (isObject(p)) out.set(parameterKey(p), p);
  }
  return out;
}

function isRequired(p: Json): boolean {
  return p["required"] === true || p["in"] === "path";
}

function diffParameters(ctx: Context, before: Map<string, Json>, after: Map<string, Json>): void {
  for (const [key, pa] of after) {
    const pb = before.get(key);
    const c = at(ctx, { part: `${key.replace(" ", " parameter ")}` });
    if (!pb) {
      const name = String(pa["name"]);
      if (isRequired(pa))
        report(c, "parameter-added-required", `required parameter "${name}" added`);
      else report(c, "parameter-added-optional", `optional parameter "${name}" added`);
    } else {
      diffParameter(c, pb, pa);
    }
  }
  for (const [key, pb] of before) {
    if (after.has(key)) continue;
    const c = at(ctx, { part: `${key.replace(" ", " parameter ")}` });
    report(c, "parameter-removed", `parameter "${String(pb["name"])}" removed`);
  }
}

const PARAMETER_KEYS = new Set([
  "name",
  "in",
  "required",
  "schema",
  "content",
  "style",
  "explode",
  "allowReserved",
  "allowEmptyValue",
  "deprecated",
  ...DOC_KEYS,
]);
const ENCODING_KEYS = ["style", "explode", "allowReserved", "allowEmptyValue"];

/** Compares a parameter or a header (a header is a parameter without `name` and `in`). */
function diffParameter(ctx: Context, b: Json, a: Json): void {
  const name = String(a["name"] ?? "");
  if (!isRequired(b) && isRequired(a)) {
    report(ctx, "parameter-became-required", `parameter "${name}" became required`);
  }
  if (isRequired(b) && !isRequired(a)) {
    report(ctx, "parameter-became-optional", `parameter "${name}" became optional`);
  }
  for (const key of ENCODING_KEYS) {
    if (!same(b[key], a[key])) {
      report(ctx, "parameter-moved", `${key} ${show(b[key])} → ${show(a[key])}`);
    }
  }
  if ((b["content"] === undefined) !== (a["content"] === undefined)) {
    report(ctx, "parameter-moved", "serialised with `content` instead of `schema`, or back");
  } else if (b["content"] !== undefined) {
    diffContent(ctx, b["content"], a["content"]);
  }
  diffSchema(ctx, b["schema"] ?? {}, a["schema"] ?? {});
  docs(ctx, b, a);
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (PARAMETER_KEYS.has(key) || same(b[key], a[key])) continue;
    if (isExtension(key)) report(ctx, "extension-changed", `${key} changed`, "none");
    else report(ctx, "keyword-changed", `${key} ${show(b[key])} → ${show(a[key])}`);
  }
}

// --- bodies -----------------------------------------------------------------------------------

const JSON_TYPE = "application/json";

function diffContent(ctx: Context, before: unknown, after: unknown): void {
  const cb = isObject(before) ? before : {};
  const ca = isObject(after) ? after : {};
  for (const type of new Set([...Object.keys(cb), ...Object.keys(ca)])) {
    const c = type === JSON_TYPE ? ctx : at(ctx, { part: `${ctx.part ?? ""} (${type})` });
    const mb = cb[type];
    const ma = ca[type];
    if (!isObject(mb) && isObject(ma)) {
      report(c, "media-type-added", `content type ${type} added`);
    } else if (isObject(mb) && !isObject(ma)) {
      report(c, "media-type-removed", `content type ${type} removed`);
    } else if (isObject(mb) && isObject(ma)) {
      diffSchema(c, mb["schema"] ?? {}, ma["schema"] ?? {});
      for (const key of new Set([...Object.keys(mb), ...Object.keys(ma)])) {
        if (key === "schema" || same(mb[key], ma[key])) continue;
        if (key === "example" || key === "examples") {
          report(c, "docs-changed", `${key} changed`, "none");
        } else if (isExtension(key)) {
          report(c, "extension-changed", `${key} changed`, "none");
        } else {
          report(c, "keyword-changed", `${key} changed`);
        }
      }
    }
  }
}

function diffRequestBody(ctx: Context, before: unknown, after: unknown): void {
  const c = at(ctx, { part: "request body" });
  if (!isObject(before) && !isObject(after)) return;
  if (!isObject(before) && isObject(after)) {
    if (after["required"] === true) report(c, "body-added-required", "required request body added");
    else report(c, "body-added", "optional request body added");
    return;
  }
  if (isObject(before) && !isObject(after)) {
    report(c, "body-removed", "request body removed");
    return;
  }
  if (!isObject(before) || !isObject(after)) return;
  const rb = before["required"] === true;
  const ra = after["required"] === true;
  if (!rb && ra) report(c, "body-became-required", "request body became required");
  if (rb && !ra) report(c, "body-became-optional", "request body became optional");
  diffContent(c, before["content"], after["content"]);
  docs(c, before, after);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === "required" || key === "content" || DOC_KEYS.has(key)) continue;
    if (same(before[key], after[key])) continue;
    if (isExtension(key)) report(c, "extension-changed", `${key} changed`, "none");
    else report(c, "keyword-changed", `${key} changed`);
  }
}

// --- responses --------------------------------------------------------------------------------

function diffResponses(ctx: Context, before: unknown, after: unknown): void {
  const rb = isObject(before) ? before : {};
  const ra = isObject(after) ? after : {};
  for (const code of new Set([...Object.keys(rb), ...Object.keys(ra)])) {
    const c = at(ctx, { part: `response ${code}` });
    const b = rb[code];
    const a = ra[code];
    if (isExtension(code)) {
      if (!same(b, a)) report(c, "extension-changed", `${code} changed`, "none");
    } else if (!isObject(b) && isObject(a)) {
      report(c, "response-added", `response ${code} added`);
    } else if (isObject(b) && !isObject(a)) {
      report(c, "response-removed", `response ${code} removed`);
    } else if (isObject(b) && isObject(a)) {
      diffResponse(c, b, a);
    }
  }
}

function diffResponse(ctx: Context, b: Json, a: Json): void {
  const hb = isObject(b["headers"]) ? b["headers"] : {};
  const ha = isObject(a["headers"]) ? a["headers"] : {};
  const lower = (h: Json) =>
    new Map(Object.entries(h).map(([name, header]) => [name.toLowerCase(), { name, header }]));
  const headersB = lower(hb);
  const headersA = lower(ha);
  for (const [key, { name, header }] of headersA) {
    const c = at(ctx, { part: `${ctx.part ?? ""} header ${name}` });
    const old = headersB.get(key);
    if (!isObject(header)) continue;
    if (!old || !isObject(old.header)) {
      if (header["required"] === true) {
        report(c, "parameter-added-required", `required header "${name}" added`);
      } else {
        report(c, "parameter-added-optional", `optional header "${name}" added`);
      }
    } else {
      diffParameter(c, { ...old.header, name, in: "header" }, { ...header, name, in: "header" });
    }
  }
  for (const [key, { name }] of headersB) {
    if (headersA.has(key)) continue;
    report(
      at(ctx, { part: `${ctx.part ?? ""} header ${name}` }),
      "parameter-removed",
      `header "${name}" removed`,
    );
  }
  diffContent(ctx, b["content"], a["content"]);
  docs(ctx, b, a);
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (key === "headers" || key === "content" || DOC_KEYS.has(key)) continue;
    if (same(b[key], a[key])) continue;
    if (key === "links") report(ctx, "docs-changed", "links changed", "none");
    else if (isExtension(key)) report(ctx, "extension-changed", `${key} changed`, "none");
    else report(ctx, "keyword-changed", `${key} changed`);
  }
}
