/** The operations of `paths` (the client sends them) and `webhooks` (the platform sends them to us). */
import { deref, isObject, objectAt, resolve, toPointer, type JsonObject } from "./json.js";

export const HTTP_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** GET/HEAD/OPTIONS are safe to repeat; anything else only when the spec marks it `x-idempotent`. */
const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(["get", "head", "options"]);

/** What the `x-sdk-*` extensions say of an operation. */
export interface SdkExtensions {
  /** `x-sdk-resource` of its first tag that has one (`messages` in `xms.messages.send`). */
  resource: string | undefined;
  /** `x-sdk-method`, or the operationId. */
  method: string | undefined;
  /** A safe method, or `x-idempotent: true`: repeating it cannot do anything twice. */
  idempotent: boolean;
}

export interface Operation {
  /** `paths` operations are sent by the client; `webhooks` ones are received by the user. */
  source: "paths" | "webhooks";
  direction: "send" | "receive";
  /** The path (`/api/v1/message/send`) or the webhook name (`messageNotification`). */
  key: string;
  method: HttpMethod;
  operationId: string | undefined;
  operation: JsonObject;
  pathItem: JsonObject;
  /** JSON Pointer of the operation object (of its `$ref` target when the path item is a `$ref`). */
  pointer: string;
  /** How messages name it: `POST /api/v1/message/send`, `webhook messageNotification (POST)`. */
  label: string;
  /** Path-item and operation parameters, `$ref`s followed (the operation's win by name + in). */
  parameters: JsonObject[];
  requestBody: JsonObject | undefined;
  /** The 200 response, `$ref` followed, if there is one. */
  okResponse: JsonObject | undefined;
  sdk: SdkExtensions;
}

/** `x-sdk-resource` of each tag name. */
function tagResources(document: JsonObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const tag of Array.isArray(document["tags"]) ? document["tags"] : []) {
    if (
      isObject(tag) &&
      typeof tag["name"] === "string" &&
      typeof tag["x-sdk-resource"] === "string"
    ) {
      out.set(tag["name"], tag["x-sdk-resource"]);
    }
  }
  return out;
}

function parametersOf(
  document: JsonObject,
  pathItem: JsonObject,
  operation: JsonObject,
): JsonObject[] {
  const byKey = new Map<string, JsonObject>();
  for (const list of [pathItem["parameters"], operation["parameters"]]) {
    for (const entry of Array.isArray(list) ? list : []) {
      const parameter = resolve<unknown>(document, entry);
      if (isObject(parameter))
        byKey.set(`${String(parameter["in"])}:${String(parameter["name"])}`, parameter);
    }
  }
  return [...byKey.values()];
}

/** Every operation of `paths`, then of `webhooks`, in document order. */
export function listOperations(document: JsonObject): Operation[] {
  const resources = tagResources(document);
  const operations: Operation[] = [];
  for (const source of ["paths", "webhooks"] as const) {
    for (const [key, rawItem] of Object.entries(objectAt(document, source) ?? {})) {
      const item = deref(document, rawItem, toPointer([source, key]));
      const pathItem = item.node;
      if (!isObject(pathItem)) continue;
      for (const method of HTTP_METHODS) {
        const operation = resolve<unknown>(document, pathItem[method]);
        if (!isObject(operation)) continue;
        const upper = method.toUpperCase();
        const operationId =
          typeof operation["operationId"] === "string" ? operation["operationId"] : undefined;
        const tags = Array.isArray(operation["tags"]) ? operation["tags"] : [];
        const requestBody = resolve<unknown>(document, operation["requestBody"]);
        const ok = resolve<unknown>(document, objectAt(operation, "responses")?.["200"]);
        const sdkMethod = operation["x-sdk-method"];
        operations.push({
          source,
          direction: source === "paths" ? "send" : "receive",
          key,
          method,
          operationId,
          operation,
          pathItem,
          pointer: `${item.pointer}${toPointer([method])}`,
          label: source === "paths" ? `${upper} ${key}` : `webhook ${key} (${upper})`,
          parameters: parametersOf(document, pathItem, operation),
          requestBody: isObject(requestBody) ? requestBody : undefined,
          okResponse: isObject(ok) ? ok : undefined,
          sdk: {
            resource: tags.map((tag) => resources.get(String(tag))).find((r) => r !== undefined),
            method: typeof sdkMethod === "string" ? sdkMethod : operationId,
            idempotent: SAFE_METHODS.has(method) || operation["x-idempotent"] === true,
          },
        });
      }
    }
  }
  return operations;
}
