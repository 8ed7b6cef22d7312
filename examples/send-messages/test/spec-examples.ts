import { loadSpecModel } from "@mehery/xms-spec-model";

/** spec/openapi.yaml, parsed: the examples the mock server answers with come from here. */
const spec = loadSpecModel().document as unknown as {
  paths: Record<string, Record<string, Operation>>;
};

interface Operation {
  requestBody?: {
    content: { "application/json": { examples?: Record<string, { value: unknown }> } };
  };
  responses: Record<string, { content?: { "application/json": { example?: unknown } } }>;
}

function operation(method: string, path: string): Operation {
  const found = spec.paths[path]?.[method.toLowerCase()];
  if (!found) throw new Error(`spec/openapi.yaml has no ${method} ${path}`);
  return found;
}

/** The example of an operation's 200 response. */
export function responseExample(method: string, path: string): unknown {
  const example = operation(method, path).responses["200"]?.content?.["application/json"].example;
  if (example === undefined) throw new Error(`no 200 example for ${method} ${path}`);
  return example;
}

/** A named example of an operation's request body. */
export function requestExample(method: string, path: string, name: string): unknown {
  const example = operation(method, path).requestBody?.content["application/json"].examples?.[name];
  if (example === undefined) throw new Error(`no request example "${name}" for ${method} ${path}`);
  return example.value;
}
