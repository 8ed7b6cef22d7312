/** spec/openapi.yaml and its operations, as the checks see them (read by @mehery/xms-spec-model). */
import {
  listOperations as operationsIn,
  locateSpec,
  readSpec,
  type JsonObject,
} from "@mehery/xms-spec-model";

export { findRepoRoot, parseSpec } from "@mehery/xms-spec-model";

export const { repoRoot, specPath, correctionsPath, redoclyConfigPath } = locateSpec();

export function loadSpec(path: string = specPath): JsonObject {
  return readSpec(path);
}

export interface SpecOperation {
  /** Under `paths` (an API operation) or under `webhooks` (a request the platform sends). */
  kind: "path" | "webhook";
  /** The path (`/api/v1/message/send`) or the webhook name (`messageNotification`). */
  name: string;
  /** Upper-case HTTP method. */
  method: string;
  operation: JsonObject;
  pathItem: JsonObject;
  /** JSON Pointer of the operation object. */
  pointer: string;
  /** How failures name it: `POST /api/v1/message/send`, `webhook messageNotification (POST)`. */
  label: string;
}

/** Every operation of `paths` and `webhooks`, in document order. */
export function listOperations(spec: JsonObject): SpecOperation[] {
  return operationsIn(spec).map((op) => ({
    kind: op.source === "paths" ? "path" : "webhook",
    name: op.key,
    method: op.method.toUpperCase(),
    operation: op.operation,
    pathItem: op.pathItem,
    pointer: op.pointer,
    label: op.label,
  }));
}
