import { jsdoc, pascalCase } from "../names.js";
import type { OperationInfo } from "../read/operations.js";

const JSON_TYPE = "application/json";

/** One named helper type, for the collision check of the types target. */
export interface NamedType {
  name: string;
  source: string;
}

function where(op: OperationInfo): string {
  return op.source === "paths"
    ? `\`${op.operationId}\` (${op.method.toUpperCase()} ${op.key})`
    : `the \`${op.key}\` webhook`;
}

function root(op: OperationInfo): string {
  return op.source === "paths"
    ? `operations[${JSON.stringify(op.operationId)}]`
    : `webhooks[${JSON.stringify(op.key)}][${JSON.stringify(op.method)}]`;
}

function hasJson(content: Record<string, unknown> | undefined): boolean {
  return content !== undefined && JSON_TYPE in content;
}

/**
 * One operation → its helper types:
 * - `<OpId>Body`: the JSON request body (paths operations that have one);
 * - `<OpId>Query`: the query parameters (operations that have any);
 * - `<OpId>Response`: the 200 JSON body (operations whose 200 has one);
 * - `<OpId>Payload`: the JSON request body of a webhook (what the platform sends).
 */
export function transformOperationTypes(op: OperationInfo): NamedType[] {
  const base = pascalCase(op.operationId);
  const summary = op.operation.summary ? `: ${op.operation.summary}` : "";
  const types: NamedType[] = [];
  const add = (name: string, doc: string, type: string) =>
    types.push({ name, source: `${jsdoc(doc)}export type ${name} = ${type};` });

  if (op.requestBody && hasJson(op.requestBody.content)) {
    const body = op.requestBody.required
      ? `${root(op)}["requestBody"]`
      : `NonNullable<${root(op)}["requestBody"]>`;
    if (op.source === "paths") {
      add(
        `${base}Body`,
        `Request body of ${where(op)}${summary}.`,
        `${body}["content"]["${JSON_TYPE}"]`,
      );
    } else {
      add(
        `${base}Payload`,
        `Payload of ${where(op)}${summary}.`,
        `${body}["content"]["${JSON_TYPE}"]`,
      );
    }
  }
  if (op.queryParameters.length > 0) {
    const anyRequired = op.queryParameters.some((p) => p.required);
    const query = `${root(op)}["parameters"]["query"]`;
    add(
      `${base}Query`,
      `Query parameters of ${where(op)}${summary}.`,
      anyRequired ? query : `NonNullable<${query}>`,
    );
  }
  if (op.okResponse && hasJson(op.okResponse.content)) {
    add(
      `${base}Response`,
      `The 200 JSON body of ${where(op)}${summary}.`,
      `${root(op)}["responses"][200]["content"]["${JSON_TYPE}"]`,
    );
  }
  return types;
}
