import { loadSpecModel } from "@mehery/xms-spec-model";

/** An operation of `paths` or `webhooks`, as the reference should show it. */
export interface Listed {
  kind: "operation" | "webhook";
  /** The path, or the webhook's name. */
  key: string;
  method: string;
  operationId: string;
  summary: string;
  tag: string;
}

/** Every operation and webhook of the spec, in spec order (read by the spec model). */
export function listOperations(specPath: string): Listed[] {
  return loadSpecModel({ specPath }).operations.map((op) => {
    const tags = op.operation["tags"];
    return {
      kind: op.source === "paths" ? "operation" : "webhook",
      key: op.key,
      method: op.method,
      operationId: String(op.operationId),
      summary: String(op.operation["summary"]),
      tag: String(Array.isArray(tags) ? tags[0] : undefined),
    };
  });
}
