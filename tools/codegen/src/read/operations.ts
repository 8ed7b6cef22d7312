import type {
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
} from "openapi-typescript";
import type { OpenAPIDocument } from "../spec.js";
import { resolve } from "./refs.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof METHODS)[number];

/** One operation of `paths` or `webhooks`, with what the generators ask of it. */
export interface OperationInfo {
  /** `paths` operations are called by the client; `webhooks` ones are received. */
  source: "paths" | "webhooks";
  /** The path (for `paths`) or the webhook name (for `webhooks`). */
  key: string;
  method: HttpMethod;
  operationId: string;
  operation: OperationObject;
  queryParameters: ParameterObject[];
  requestBody: RequestBodyObject | undefined;
  /** The 200 response, if it has one. */
  okResponse: ResponseObject | undefined;
}

function describe(
  spec: OpenAPIDocument,
  source: OperationInfo["source"],
  key: string,
  pathItem: PathItemObject,
): OperationInfo[] {
  const shared = (pathItem.parameters ?? []).map((p) => resolve<ParameterObject>(spec, p));
  return METHODS.flatMap((method) => {
    const entry = pathItem[method];
    if (!entry) return [];
    const operation = resolve<OperationObject>(spec, entry);
    if (!operation.operationId) {
      throw new Error(`xms-codegen: ${method.toUpperCase()} ${key} has no operationId`);
    }
    const parameters = [
      ...shared,
      ...(operation.parameters ?? []).map((p) => resolve<ParameterObject>(spec, p)),
    ];
    const ok = operation.responses?.["200"] as ResponseObject | ReferenceObject | undefined;
    return [
      {
        source,
        key,
        method,
        operationId: operation.operationId,
        operation,
        queryParameters: parameters.filter((p) => p.in === "query"),
        requestBody: operation.requestBody
          ? resolve<RequestBodyObject>(spec, operation.requestBody)
          : undefined,
        okResponse: ok ? resolve<ResponseObject>(spec, ok) : undefined,
      },
    ];
  });
}

/** Every operation of `paths`, then of `webhooks`, in spec order. */
export function listOperations(spec: OpenAPIDocument): OperationInfo[] {
  const fromPaths = Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    describe(spec, "paths", path, resolve<PathItemObject>(spec, item)),
  );
  const fromWebhooks = Object.entries(spec.webhooks ?? {}).flatMap(([name, item]) =>
    describe(spec, "webhooks", name, resolve<PathItemObject>(spec, item)),
  );
  return [...fromPaths, ...fromWebhooks];
}
