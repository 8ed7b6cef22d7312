import { loadSpecModel } from "@mehery/xms-spec-model";

/** spec/openapi.yaml, parsed by the spec model. */
export const spec = loadSpecModel().document as unknown as Spec;

type Json = Record<string, unknown>;
interface Operation {
  parameters?: { name: string; in: string; example?: unknown }[];
  requestBody?: { content: { "application/json": Media } };
  responses: Record<string, Json>;
}
interface Media {
  schema: Json;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: Json;
}

/** Follows a local `$ref` ("#/components/..."). */
export function deref<T>(node: T): T {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node;
  const target = ref
    .slice(2)
    .split("/")
    .reduce<unknown>((at, key) => (at as Json)[key], spec);
  return deref(target as T);
}

export function operation(method: string, path: string): Operation {
  const op = spec.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`no ${method} ${path} in the spec`);
  return op;
}

/** The request example: the one example, or the first of `examples`. */
export function requestExample(op: Operation): Json | undefined {
  const media = op.requestBody?.content["application/json"];
  if (!media) return undefined;
  return (media.example ?? Object.values(media.examples ?? {})[0]?.value) as Json;
}

/** The query the spec's parameter examples make. */
export function queryExample(op: Operation): Json {
  return Object.fromEntries(
    (op.parameters ?? []).filter((p) => p.in == "query").map((p) => [p.name, p.example]),
  );
}

/** The example of the 200 response, which the mock answers. */
export function okExample(op: Operation): unknown {
  const ok = deref(op.responses["200"] as Json) as { content: { "application/json": Media } };
  return ok.content["application/json"].example;
}

/**
 * The required properties of the request body schema, for the given example (a `oneOf` with a
 * discriminator resolves to the branch the example's discriminator value names).
 */
export function requiredFields(op: Operation, example: Json): string[] {
  const walk = (schema: Json): string[] => {
    const s = deref(schema) as Json & {
      required?: string[];
      allOf?: Json[];
      oneOf?: Json[];
      discriminator?: { propertyName: string; mapping: Record<string, string> };
    };
    const own = s.required ?? [];
    const all = (s.allOf ?? []).flatMap(walk);
    const branch = s.discriminator
      ? walk({ $ref: s.discriminator.mapping[example[s.discriminator.propertyName] as string] })
      : [];
    return [...new Set([...own, ...all, ...branch])];
  };
  const media = op.requestBody?.content["application/json"];
  return media ? walk(media.schema) : [];
}
