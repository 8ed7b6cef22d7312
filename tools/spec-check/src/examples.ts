/**
 * Every example of the spec, paired with the schema it must satisfy:
 * - media-type `example`/`examples` of request bodies and responses (operations and
 *   webhooks, including shared components they `$ref`), and of parameters and headers;
 * - parameter and header `example`/`examples`, against their `schema`;
 * - schema-level `examples` (and the 3.0-style `example`), against the schema holding them.
 * - the same for components no operation uses (request bodies, responses, parameters, headers).
 * Also the places an example is required: every request body, and every 200 response
 * with a body.
 */
import {
  arrayAt,
  deref,
  isObject,
  objectAt,
  stringAt,
  toPointer,
  type JsonObject,
} from "./json.js";
import { visitSchemas, walkDocument } from "@mehery/xms-spec-model";
import { listOperations } from "./spec.js";

export interface ExampleCase {
  /** Where the example is, as a failure should say it. */
  name: string;
  /** JSON Pointer of the example in the spec (unique per case). */
  examplePointer: string;
  /** JSON Pointer of the schema it must satisfy, or undefined when there is none. */
  schemaPointer: string | undefined;
  value: unknown;
  /** Set when the example cannot be checked (an `externalValue`). */
  problem?: string;
}

export interface ExampleRequirement {
  /** What must carry an example ("POST /api/v1/message/send › request body"). */
  name: string;
  /** How many examples it has, across its media types. */
  count: number;
}

export interface ExampleInventory {
  cases: ExampleCase[];
  requirements: ExampleRequirement[];
}

/**
 * Every schema written in the document, by the JSON Pointer of its root: the entries of
 * `components.schemas` and every `schema` of a parameter, header or media type (wherever
 * it is written: operations, webhooks or components). Example payloads are not searched.
 */
export function schemaRoots(spec: JsonObject): { schema: JsonObject; pointer: string }[] {
  const roots: { schema: JsonObject; pointer: string }[] = [];
  for (const [name, schema] of Object.entries(
    objectAt(objectAt(spec, "components"), "schemas") ?? {},
  )) {
    if (isObject(schema))
      roots.push({ schema, pointer: toPointer(["components", "schemas", name]) });
  }
  // Every `schema` below `node` (not inside example payloads) is a root.
  const search = (node: unknown, from: string[]): void =>
    walkDocument(
      node,
      (value, path, parent) => {
        if (Array.isArray(parent)) return true;
        const key = path[path.length - 1];
        if (key === "example" || key === "examples") return false;
        if (key === "schema" && isObject(value)) {
          roots.push({ schema: value, pointer: toPointer(path) });
          return false;
        }
        return true;
      },
      from,
    );
  search(spec.paths, ["paths"]);
  search(spec.webhooks, ["webhooks"]);
  const components = objectAt(spec, "components") ?? {};
  for (const [section, entries] of Object.entries(components)) {
    if (section !== "schemas") search(entries, ["components", section]);
  }
  return roots;
}

/** Adds the cases of an object with `example`/`examples` (media type, parameter, header). */
function addExamplesOf(
  spec: JsonObject,
  holder: JsonObject,
  holderPointer: string,
  name: string,
  schemaPointer: string | undefined,
  cases: ExampleCase[],
): number {
  let count = 0;
  if (Object.hasOwn(holder, "example")) {
    cases.push({
      name: `${name} › example`,
      examplePointer: `${holderPointer}/example`,
      schemaPointer,
      value: holder.example,
    });
    count++;
  }
  for (const [key, raw] of Object.entries(objectAt(holder, "examples") ?? {})) {
    const at = `${holderPointer}${toPointer(["examples", key])}`;
    const example = deref(spec, raw, at);
    const shared = example.pointer === at ? "" : ` (#${example.pointer})`;
    const caseName = `${name} › examples.${key}${shared}`;
    if (isObject(example.node) && Object.hasOwn(example.node, "value")) {
      cases.push({
        name: caseName,
        examplePointer: `${example.pointer}/value`,
        schemaPointer,
        value: example.node.value,
      });
    } else {
      cases.push({
        name: caseName,
        examplePointer: example.pointer,
        schemaPointer,
        value: undefined,
        problem: "has no inline `value` (an `externalValue` cannot be checked)",
      });
    }
    count++;
  }
  return count;
}

/** Cases of every media type of a `content` map; returns how many examples it holds. */
function addContent(
  spec: JsonObject,
  owner: JsonObject,
  ownerPointer: string,
  name: string,
  cases: ExampleCase[],
): number {
  let count = 0;
  for (const [mediaType, media] of Object.entries(objectAt(owner, "content") ?? {})) {
    if (!isObject(media)) continue;
    const pointer = `${ownerPointer}${toPointer(["content", mediaType])}`;
    const schemaPointer = isObject(media.schema) ? `${pointer}/schema` : undefined;
    count += addExamplesOf(spec, media, pointer, `${name} › ${mediaType}`, schemaPointer, cases);
  }
  return count;
}

/** A parameter or header: its own examples (against `schema`) or those of its `content`. */
function addParameterLike(
  spec: JsonObject,
  raw: unknown,
  rawPointer: string,
  name: string,
  cases: ExampleCase[],
): void {
  const { node, pointer } = deref(spec, raw, rawPointer);
  if (!isObject(node)) return;
  const via = pointer === rawPointer ? "" : ` (#${pointer})`;
  const schemaPointer = isObject(node.schema) ? `${pointer}/schema` : undefined;
  addExamplesOf(spec, node, pointer, `${name}${via}`, schemaPointer, cases);
  addContent(spec, node, pointer, `${name}${via}`, cases);
}

export function collectExamples(spec: JsonObject): ExampleInventory {
  const cases: ExampleCase[] = [];
  const requirements: ExampleRequirement[] = [];

  for (const op of listOperations(spec)) {
    const itemPointer = op.pointer.slice(0, op.pointer.lastIndexOf("/"));
    const parameters: [unknown, string][] = [
      ...(arrayAt(op.pathItem, "parameters") ?? []).map((p, i): [unknown, string] => [
        p,
        `${itemPointer}/parameters/${i}`,
      ]),
      ...(arrayAt(op.operation, "parameters") ?? []).map((p, i): [unknown, string] => [
        p,
        `${op.pointer}/parameters/${i}`,
      ]),
    ];
    for (const [raw, pointer] of parameters) {
      const { node } = deref(spec, raw, pointer);
      const label = `${stringAt(node, "name") ?? "?"} (${stringAt(node, "in") ?? "?"})`;
      addParameterLike(spec, raw, pointer, `${op.label} › parameter ${label}`, cases);
    }

    if (op.operation.requestBody !== undefined) {
      const at = `${op.pointer}/requestBody`;
      const body = deref(spec, op.operation.requestBody, at);
      if (isObject(body.node)) {
        const via = body.pointer === at ? "" : ` (#${body.pointer})`;
        const name = `${op.label} › request body${via}`;
        requirements.push({ name, count: addContent(spec, body.node, body.pointer, name, cases) });
      }
    }

    for (const [status, raw] of Object.entries(objectAt(op.operation, "responses") ?? {})) {
      const at = `${op.pointer}${toPointer(["responses", status])}`;
      const response = deref(spec, raw, at);
      if (!isObject(response.node)) continue;
      const via = response.pointer === at ? "" : ` (#${response.pointer})`;
      const name = `${op.label} › response ${status}${via}`;
      const count = addContent(spec, response.node, response.pointer, name, cases);
      if (status === "200" && objectAt(response.node, "content") !== undefined) {
        requirements.push({ name, count });
      }
      for (const [header, rawHeader] of Object.entries(objectAt(response.node, "headers") ?? {})) {
        addParameterLike(
          spec,
          rawHeader,
          `${response.pointer}${toPointer(["headers", header])}`,
          `${name} › header ${header}`,
          cases,
        );
      }
    }
  }

  // Components no operation uses (yet) are checked too; those in use were named above.
  const components = objectAt(spec, "components") ?? {};
  for (const [name, raw] of Object.entries(objectAt(components, "requestBodies") ?? {})) {
    const pointer = toPointer(["components", "requestBodies", name]);
    if (isObject(raw)) addContent(spec, raw, pointer, `components.requestBodies.${name}`, cases);
  }
  for (const [name, raw] of Object.entries(objectAt(components, "responses") ?? {})) {
    const pointer = toPointer(["components", "responses", name]);
    if (!isObject(raw)) continue;
    addContent(spec, raw, pointer, `components.responses.${name}`, cases);
    for (const [header, rawHeader] of Object.entries(objectAt(raw, "headers") ?? {})) {
      const at = `${pointer}${toPointer(["headers", header])}`;
      addParameterLike(
        spec,
        rawHeader,
        at,
        `components.responses.${name} › header ${header}`,
        cases,
      );
    }
  }
  for (const section of ["parameters", "headers"]) {
    for (const [name, raw] of Object.entries(objectAt(components, section) ?? {})) {
      const pointer = toPointer(["components", section, name]);
      addParameterLike(spec, raw, pointer, `components.${section}.${name}`, cases);
    }
  }

  for (const root of schemaRoots(spec)) {
    // Every subschema written inside the root (not through `$ref`): the spec model's walk.
    visitSchemas(
      root.schema,
      (schema, { pointer }) => {
        (arrayAt(schema, "examples") ?? []).forEach((value, index) => {
          cases.push({
            name: `schema #${pointer} › examples[${index}]`,
            examplePointer: `${pointer}/examples/${index}`,
            schemaPointer: pointer,
            value,
          });
        });
        if (Object.hasOwn(schema, "example")) {
          cases.push({
            name: `schema #${pointer} › example`,
            examplePointer: `${pointer}/example`,
            schemaPointer: pointer,
            value: schema.example,
          });
        }
      },
      root.pointer,
    );
  }

  // A shared component (a response, a parameter) is checked once, named by its first use.
  const unique = new Map<string, ExampleCase>();
  for (const c of cases) if (!unique.has(c.examplePointer)) unique.set(c.examplePointer, c);
  return { cases: [...unique.values()], requirements };
}
