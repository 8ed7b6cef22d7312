import { dereference, locateSpec, readSpec as read } from "@mehery/xms-spec-model";

/** The repository's spec, read by the tests from the spec model (not through the mock's loader). */
export const specPath = locateSpec().specPath;

export interface SpecOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly operation: Record<string, any>;
}

let cached: Promise<Record<string, any>> | undefined;

/** spec/openapi.yaml with every $ref resolved. */
export function readSpec(): Promise<Record<string, any>> {
  cached ??= dereference(read(specPath)) as Promise<Record<string, any>>;
  return cached;
}

export async function operations(): Promise<SpecOperation[]> {
  const spec = await readSpec();
  return Object.entries<Record<string, any>>(spec["paths"]).flatMap(([path, item]) =>
    Object.entries<Record<string, any>>(item)
      .filter(([method]) => ["get", "put", "post", "delete", "patch"].includes(method))
      .map(([method, operation]) => ({
        operationId: String(operation["operationId"]),
        method: method.toUpperCase(),
        path,
        operation,
      })),
  );
}

/** Every request body example of an operation, by name (`example` is named "example"). */
export function requestExamples(operation: Record<string, any>): [string, unknown][] {
  const media = operation["requestBody"]?.["content"]?.["application/json"];
  if (media === undefined) return [];
  if (media["examples"] !== undefined) {
    return Object.entries<Record<string, any>>(media["examples"]).map(([name, example]) => [
      name,
      example["value"],
    ]);
  }
  return [["example", media["example"]]];
}

/** The query string built from the `example` of every query parameter. */
export function queryExample(operation: Record<string, any>): string {
  const query = new URLSearchParams();
  for (const parameter of operation["parameters"] ?? []) {
    if (parameter["in"] === "query") query.set(parameter["name"], String(parameter["example"]));
  }
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
}

export function responseExample(operation: Record<string, any>, status: string): unknown {
  return operation["responses"]?.[status]?.["content"]?.["application/json"]?.["example"];
}

/** One call per request example of each operation (every named one); `(no body)` for a GET. */
export function exampleCalls(all: readonly SpecOperation[]) {
  return all.flatMap((op) => {
    const examples = requestExamples(op.operation);
    return (examples.length === 0 ? [["(no body)", undefined] as const] : examples).map(
      ([name, body]) => ({ name: `${op.operationId} ${name}`, op, body }),
    );
  });
}
