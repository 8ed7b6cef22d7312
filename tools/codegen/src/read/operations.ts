import {
  listOperations as operationsIn,
  type HttpMethod,
  type JsonObject,
} from "@mehery/xms-spec-model";
import type {
  OperationObject,
  ParameterObject,
  RequestBodyObject,
  ResponseObject,
} from "openapi-typescript";
import type { OpenAPIDocument } from "../spec.js";

export type { HttpMethod };

/** One operation of `paths` or `webhooks` (the spec model's), typed for openapi-typescript. */
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

/**
 * Every operation of `paths`, then of `webhooks`, in spec order; each must have an operationId of
 * its own (they name the `operations` members and the client's methods).
 */
export function listOperations(spec: OpenAPIDocument): OperationInfo[] {
  const seen = new Map<string, string>();
  return operationsIn(spec as unknown as JsonObject).map((op) => {
    const where = `${op.method.toUpperCase()} ${op.key}`;
    if (op.operationId === undefined) throw new Error(`xms-codegen: ${where} has no operationId`);
    const other = seen.get(op.operationId);
    if (other !== undefined) {
      throw new Error(
        `xms-codegen: ${other} and ${where} have the same operationId ${op.operationId}`,
      );
    }
    seen.set(op.operationId, where);
    return {
      source: op.source,
      key: op.key,
      method: op.method,
      operationId: op.operationId,
      operation: op.operation as OperationObject,
      queryParameters: op.parameters.filter(
        (p) => p["in"] === "query",
      ) as unknown as ParameterObject[],
      requestBody: op.requestBody as RequestBodyObject | undefined,
      okResponse: op.okResponse as ResponseObject | undefined,
    };
  });
}
