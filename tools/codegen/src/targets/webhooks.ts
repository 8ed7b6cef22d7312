/**
 * packages/webhooks: @mehery/xms-webhooks. Emits
 *
 * - `src/generated/validators.js` (+ `.d.ts`): ajv 8 standalone validators (JSON Schema 2020-12,
 *   all errors) of the three webhook bodies, each in a `strict` and a `lenient` variant. The code
 *   imports nothing: the ajv runtime helpers it would `require` are inlined, so the published
 *   package does not depend on ajv.
 * - `src/generated/examples.ts`: the example payloads the spec gives each webhook, by name.
 * - `src/generated/notification.ts`: the notification model the receiver dispatches by.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#oasWebhooks
 * @see https://ajv.js.org/standalone.html
 */
import { createRequire } from "node:module";
import type { AnySchemaObject } from "ajv";
import { formatGenerated } from "../format.js";
import { notificationModelOf } from "../read/notification.js";
import { listOperations } from "../read/operations.js";
import { transformNotificationModel } from "../transform/notification-model.js";
import type { OpenAPIDocument } from "../spec.js";
import type { GeneratedFile, Target } from "./target.js";
import {
  LOSSLESS_RUNTIME,
  LOSSLESS_SOURCE,
  losslessKeywords,
  losslessTypes,
} from "./webhooks-lossless.js";

// ajv is CommonJS with `exports.default`; createRequire sidesteps the ESM/CJS default-import
// mismatch under NodeNext and keeps the types exact.
const require = createRequire(import.meta.url);
const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
const standaloneCode = (require("ajv/dist/standalone/index.js") as { default: StandaloneCode })
  .default;
type StandaloneCode = typeof import("ajv/dist/standalone/index.js").default;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The validators, by export name: which schema they check. */
const VALIDATED = {
  notification: "InBoundWrapper",
  contactInfoRequest: "InBoundContact",
  contactInfoResponse: "ContactInfoUpdate",
} as const;

/** Types of @mehery/xms-webhook-types that the examples are checked against, by operationId. */
const EXAMPLE_TYPES: Record<string, { request?: string; response?: string }> = {
  messageNotification: { request: "MessageNotificationPayload" },
  contactInfoRequest: { request: "ContactInfoRequestPayload", response: "ContactInfoResponse" },
};

/** Keywords that only annotate or belong to OpenAPI; none of them affects validation. */
const ANNOTATIONS = new Set([
  "description",
  "title",
  "example",
  "examples",
  "$comment",
  "externalDocs",
  "xml",
  "deprecated",
  "readOnly",
  "writeOnly",
  "default",
  // Every format in the spec is int32/int64 on an integer: not worth a runtime check.
  "format",
]);

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function defName(ref: string): string {
  const match = /^#\/(?:components\/schemas|\$defs)\/([^/]+)$/.exec(ref);
  if (!match?.[1]) throw new Error(`xms-codegen webhooks: unsupported $ref ${ref}`);
  return match[1];
}

/**
 * Schemas made from a discriminated `oneOf`: they only pick the variant (`if`/`then`) that
 * describes the whole value, so the strict variant seals the variants, not them.
 */
const dispatchers = new WeakSet<object>();

function markDispatch(schema: JsonObject): JsonObject {
  dispatchers.add(schema);
  return schema;
}

/**
 * OpenAPI schema → plain JSON Schema 2020-12: refs point into `$defs`, annotations and `x-*`
 * extensions are dropped, a `oneOf` with a discriminator mapping becomes an `if`/`then` per
 * mapped value (so an error names the one variant that applies, not all eight), and an "open
 * enum" (`type: string` + `anyOf: [{ enum }, { type: string }]`) becomes its base type.
 */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const discriminator = node["discriminator"];
  if (
    Array.isArray(node["oneOf"]) &&
    isObject(discriminator) &&
    isObject(discriminator["mapping"])
  ) {
    const property = String(discriminator["propertyName"]);
    const mapping = Object.entries(discriminator["mapping"]);
    return markDispatch({
      type: "object",
      required: [property],
      properties: { [property]: { enum: mapping.map(([value]) => value) } },
      allOf: mapping.map(([value, ref]) => ({
        // `required`: without it an absent property would match every `if`.
        if: { properties: { [property]: { const: value } }, required: [property] },
        then: { $ref: `#/$defs/${defName(String(ref))}` },
      })),
    });
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key === "discriminator" || key.startsWith("x-")) continue;
    if (key === "$ref") out[key] = `#/$defs/${defName(String(value))}`;
    else if (key === "enum" || key === "const" || key === "required") out[key] = value;
    else if ((key === "properties" || key === "patternProperties") && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else out[key] = toJsonSchema(value);
  }
  const anyOf = out["anyOf"];
  if (
    typeof out["type"] === "string" &&
    Array.isArray(anyOf) &&
    anyOf.some((s) => isObject(s) && Object.keys(s).length === 1 && s["type"] === out["type"])
  ) {
    delete out["anyOf"];
  }
  return out;
}

const PLAIN_OBJECT_KEYS = new Set(["type", "properties", "required"]);

/** An object schema made of nothing but `type: object`, `properties` and `required`. */
function isPlainObjectSchema(schema: Json | undefined): schema is JsonObject {
  return (
    isObject(schema) &&
    (schema["type"] === undefined || schema["type"] === "object") &&
    Object.keys(schema).every((key) => PLAIN_OBJECT_KEYS.has(key))
  );
}

/**
 * Merges an `allOf` of plain object schemas (`$ref`s included) into one object schema. Same
 * meaning; but in one schema, `unevaluatedProperties` knows every property statically, so a
 * wrong field does not also make its siblings "unevaluated" (a failed `allOf` part contributes
 * no annotations in 2020-12), and the validator is smaller and faster. Other `allOf`s are left
 * as they are (seal() handles them).
 */
function flattenAllOf(defs: Record<string, Json>): Record<string, Json> {
  const resolve = (schema: Json): Json | undefined => {
    const name = refName(schema);
    return name === undefined ? schema : defs[name];
  };
  const flatten = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(flatten);
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        (key === "properties" || key === "patternProperties") && isObject(value)
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flatten(v)]))
          : key === "enum" || key === "const" || key === "required"
            ? value
            : flatten(value);
    }
    if (dispatchers.has(node)) return markDispatch(out);
    const parts = out["allOf"];
    if (!Array.isArray(parts)) return out;
    const { allOf: _, ...rest } = out;
    const resolved = [rest, ...parts.map(resolve)];
    if (!resolved.every(isPlainObjectSchema)) return out;
    const properties: JsonObject = {};
    const required: string[] = [];
    for (const part of resolved as JsonObject[]) {
      for (const [name, schema] of Object.entries((part["properties"] as JsonObject) ?? {})) {
        const known = properties[name];
        properties[name] =
          known === undefined || JSON.stringify(known) === JSON.stringify(schema)
            ? schema
            : { allOf: [known, schema] };
      }
      for (const name of (part["required"] as string[] | undefined) ?? []) {
        if (!required.includes(name)) required.push(name);
      }
    }
    return { type: "object", ...(required.length ? { required } : {}), properties };
  };
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, flatten(def)]));
}

/** The names of `roots` and of every definition they reach through `$ref`. */
function reachable(defs: Record<string, Json>, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref") enter(defName(String(value)));
        else visit(value);
      }
    }
  };
  const enter = (name: string): void => {
    if (seen.has(name)) return;
    const def = defs[name];
    if (def === undefined) throw new Error(`xms-codegen webhooks: no schema ${name}`);
    seen.add(name);
    visit(def);
  };
  roots.forEach(enter);
  return [...seen].sort();
}

const MIXIN = "__mixin";

/**
 * The strict variant of a schema: `unevaluatedProperties: false` on every object schema that
 * describes a whole value, unless it says otherwise (`additionalProperties: true` maps stay open).
 *
 * 2020-12 semantics decide where it goes: `unevaluatedProperties` sees the properties that
 * in-place subschemas (`allOf`, `if`/`then`, a passing `oneOf` branch, `$ref`) evaluated, but a
 * subschema does not see its siblings'. So a schema used as an `allOf` part or a `then` (a
 * partial description) is left unsealed, and a `$ref` from there points to an unsealed copy of
 * the definition (`Name__mixin`); the whole-value schema around them carries the seal.
 */
function seal(node: Json, whole: boolean, mixins: Set<string>): Json {
  if (!isObject(node)) return node;
  if (dispatchers.has(node)) {
    // Each `then` describes the whole value and carries the seal; the picker does not.
    const parts = Array.isArray(node["allOf"]) ? node["allOf"] : [];
    return {
      ...node,
      allOf: parts.map((part) =>
        isObject(part) ? { ...part, then: seal(part["then"] as Json, true, mixins) } : part,
      ),
    };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref") {
      const name = defName(String(value));
      if (whole) out[key] = value;
      else {
        mixins.add(name);
        out[key] = `#/$defs/${name}${MIXIN}`;
      }
    } else if ((key === "properties" || key === "patternProperties") && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, seal(v, true, mixins)]),
      );
    } else if (key === "allOf" && Array.isArray(value)) {
      out[key] = value.map((s) => seal(s, false, mixins));
    } else if (
      (key === "oneOf" || key === "anyOf" || key === "prefixItems") &&
      Array.isArray(value)
    ) {
      out[key] = value.map((s) => seal(s, true, mixins));
    } else if (key === "if" || key === "then" || key === "else") {
      out[key] = seal(value, false, mixins);
    } else if (
      ["items", "additionalProperties", "contains", "propertyNames", "not"].includes(key)
    ) {
      out[key] = seal(value, true, mixins);
    } else out[key] = value;
  }
  const objectish =
    node["type"] === "object" ||
    (node["type"] === undefined &&
      ["properties", "allOf", "oneOf", "anyOf"].some((k) => node[k] !== undefined));
  if (
    whole &&
    objectish &&
    !("additionalProperties" in node) &&
    !("unevaluatedProperties" in node)
  ) {
    out["unevaluatedProperties"] = false;
  }
  return out;
}

function strictDefs(defs: Record<string, Json>): Record<string, Json> {
  const mixins = new Set<string>();
  const out: Record<string, Json> = {};
  for (const [name, def] of Object.entries(defs)) out[name] = seal(def, true, mixins);
  for (let grew = true; grew;) {
    grew = false;
    for (const name of [...mixins].sort()) {
      if (`${name}${MIXIN}` in out) continue;
      out[`${name}${MIXIN}`] = seal(defs[name] as Json, false, mixins);
      grew = true;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Self-contained replacements for the helpers ajv's standalone code `require`s from
 * `ajv/dist/runtime/*`, so that the generated module has no import at all.
 */
const RUNTIME: Record<string, string> = {
  // Length in Unicode code points, as JSON Schema counts minLength/maxLength.
  ucs2length: `function ucs2length(str) { let length = 0; for (const _ of str) length++; return length; }`,
  // Deep equality of JSON values (enum/const of objects, uniqueItems).
  equal: `function equal(a, b) {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!Object.prototype.hasOwnProperty.call(b, key) || !equal(a[key], b[key])) return false;
    return true;
  }`,
  // Lossless conversion of the lenient request validators; one source, see webhooks-lossless.ts.
  [LOSSLESS_RUNTIME]: LOSSLESS_SOURCE,
};

function inlineRuntime(code: string): string {
  const inlined = code.replace(
    /require\("ajv\/dist\/runtime\/([a-zA-Z0-9]+)"\)\.default/g,
    (_match, name: string) => {
      const helper = RUNTIME[name];
      if (!helper) {
        throw new Error(
          `xms-codegen webhooks: the validators need ajv/dist/runtime/${name}; add an inline version to RUNTIME`,
        );
      }
      return `(${helper})`;
    },
  );
  if (/\brequire\(/.test(inlined)) {
    throw new Error("xms-codegen webhooks: the standalone validators still require() a module");
  }
  return inlined;
}

/** The definition a `{ $ref }` schema points to, by name; undefined for any other schema. */
function refName(schema: Json | undefined): string | undefined {
  return isObject(schema) && typeof schema["$ref"] === "string" && Object.keys(schema).length === 1
    ? defName(schema["$ref"])
    : undefined;
}

/**
 * The one definition every variant of a discriminated union builds on: the `$ref` that each
 * variant's `allOf` holds (`InBoundMsgBase` for `InBoundMsg`). Read before flattenAllOf(), which
 * merges it away.
 */
function sharedBase(converted: Record<string, Json>, variants: readonly string[]): string {
  const refsOf = (name: string): string[] => {
    const parts = (converted[name] as JsonObject | undefined)?.["allOf"];
    return Array.isArray(parts) ? parts.flatMap((part) => refName(part) ?? []) : [];
  };
  const [first = [], ...rest] = variants.map(refsOf);
  const shared = first.filter((name) => rest.every((refs) => refs.includes(name)));
  if (shared.length !== 1) {
    throw new Error(
      `xms-codegen webhooks: the variants ${variants.join(", ")} must share exactly one allOf $ref (their base), found ${shared.length}`,
    );
  }
  return shared[0] as string;
}

/**
 * THE LENIENT RULE (stated here once; the README's "Validation" section says the same):
 * lenient = unknown fields, absent optional fields and unknown enum values pass; a value of
 * another JSON type that converts to the declared one without loss passes and is converted
 * (see webhooks-lossless.ts); any other wrong JSON type fails.
 *
 * A platform may start sending a value the spec does not list yet (a new message `type`, a
 * new `status`, a new `contactType`, ...); refusing that delivery would lose it. So, in the
 * lenient variant of the webhook REQUEST payloads (VALIDATED.notification and
 * VALIDATED.contactInfoRequest), and only there:
 *
 * - every `enum` whose values are all strings, anywhere in a definition the requests reach,
 *   becomes `type: string` (the rest of that schema is kept);
 * - a discriminated union (the picker toJsonSchema() made of a `oneOf` with a discriminator
 *   mapping, such as `InBoundMsg` by `type`) gains a fallback branch instead: a discriminator
 *   value that is a string but none of the mapped ones is checked against what every variant
 *   shares (their one common `allOf` base, `InBoundMsgBase`), so such an item still has its
 *   known fields checked.
 *
 * Strict keeps every list closed, and the contact-info ANSWER (VALIDATED.contactInfoResponse,
 * what the user sends back) is validated exactly as the spec says in both modes: its lenient
 * validator is built from the unrelaxed definitions (validatorSources()), so we never send the
 * platform a value it does not list.
 */
function relaxEnums(
  converted: Record<string, Json>,
  defs: Record<string, Json>,
): Record<string, Json> {
  const withFallback = (picker: JsonObject): JsonObject => {
    const pickerProperties = picker["properties"];
    const parts = picker["allOf"];
    const property = isObject(pickerProperties) ? Object.keys(pickerProperties)[0] : undefined;
    const known = property && isObject(pickerProperties) ? pickerProperties[property] : undefined;
    if (!property || !isObject(known) || !Array.isArray(parts)) {
      throw new Error("xms-codegen webhooks: a discriminated union's picker has an unknown shape");
    }
    const variants = parts.flatMap((part) => (isObject(part) ? (refName(part["then"]) ?? []) : []));
    const base = sharedBase(converted, variants);
    return markDispatch({
      ...picker,
      properties: { [property]: { type: "string" } },
      allOf: [
        ...parts,
        {
          if: {
            properties: { [property]: { type: "string", not: { enum: known["enum"] as Json } } },
            required: [property],
          },
          then: { $ref: `#/$defs/${base}` },
        },
      ],
    });
  };
  const relax = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(relax);
    if (!isObject(node)) return node;
    // Its `if`s hold only the mapped `const`s and its `then`s only `$ref`s: nothing to relax.
    if (dispatchers.has(node)) return withFallback(node);
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      // A condition keeps its lists: relaxing one would change which branch applies.
      if (key === "if" || key === "not") out[key] = value;
      else if ((key === "properties" || key === "patternProperties") && isObject(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relax(v)]));
      } else if (key === "enum" || key === "const" || key === "required") out[key] = value;
      else out[key] = relax(value);
    }
    const values = out["enum"];
    if (Array.isArray(values) && values.every((value) => typeof value === "string")) {
      delete out["enum"];
      if (out["type"] !== undefined && out["type"] !== "string") {
        throw new Error(
          `xms-codegen webhooks: an enum of strings on a schema of type ${JSON.stringify(out["type"])}`,
        );
      }
      out["type"] = "string";
    }
    return out;
  };
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, relax(def)]));
}

function exportName(what: string, variant: "strict" | "lenient"): string {
  return `${what}${variant === "strict" ? "Strict" : "Lenient"}`;
}

/** The standalone validator module and its declarations. */
export function validatorSources(spec: OpenAPIDocument): { js: string; dts: string } {
  const schemas = (spec.components?.schemas ?? {}) as unknown as Record<string, Json>;
  const converted: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(schemas)) converted[name] = toJsonSchema(schema);
  const all = flattenAllOf(converted);
  const only = (defs: Record<string, Json>, roots: readonly string[]): Record<string, Json> =>
    Object.fromEntries(reachable(defs, roots).map((name) => [name, defs[name] as Json]));
  const everything = Object.values(VALIDATED);
  const requests = [VALIDATED.notification, VALIDATED.contactInfoRequest];
  const answer = [VALIDATED.contactInfoResponse];
  // Each collection is one `$defs` document; a validator refers to one of its definitions.
  // The lenient answer gets its own collection of unrelaxed definitions (see relaxEnums()).
  const collections: Array<{
    id: string;
    defs: Record<string, Json>;
    variant: "strict" | "lenient";
    validators: readonly string[];
  }> = [
    {
      id: "xms-lenient",
      defs: losslessTypes(only(relaxEnums(converted, all), requests)),
      variant: "lenient",
      validators: requests,
    },
    { id: "xms-lenient-answer", defs: only(all, answer), variant: "lenient", validators: answer },
    {
      id: "xms-strict",
      defs: strictDefs(only(all, everything)),
      variant: "strict",
      validators: everything,
    },
  ];

  const ajv = new Ajv2020({
    allErrors: true,
    code: { source: true, esm: true },
    // One function per definition, shared by every schema that uses it: far smaller code.
    inlineRefs: false,
    strict: true,
    allowUnionTypes: true,
    validateFormats: false,
  });
  losslessKeywords.forEach((keyword) => ajv.addKeyword(keyword));
  const exports: Record<string, string> = {};
  for (const { id, defs, variant, validators } of collections) {
    ajv.addSchema({ $id: id, $defs: defs } as AnySchemaObject);
    for (const [what, def] of Object.entries(VALIDATED)) {
      if (!validators.includes(def)) continue;
      const validatorId = `xms-${what}-${variant}`;
      ajv.addSchema({ $id: validatorId, $ref: `${id}#/$defs/${def}` });
      exports[exportName(what, variant)] = validatorId;
    }
  }
  const code = inlineRuntime(standaloneCode(ajv, exports))
    .replace(/^"use strict";/, "")
    // Error objects are built at each failure site; nothing reads schemaPath, so leave it out.
    .replace(/schemaPath:"[^"]*",?/g, "");

  const names = Object.keys(exports).sort();
  const dts = [
    "/** Why a value failed: where (`instancePath`, a JSON pointer) and which keyword. */",
    "export interface ValidatorError {",
    "  instancePath: string;",
    "  keyword: string;",
    "  params: Record<string, unknown>;",
    "  message?: string;",
    "}",
    "",
    "/** An ajv standalone validator: whether `data` is valid; when not, `errors` says why. */",
    "export interface GeneratedValidator {",
    "  (data: unknown): boolean;",
    "  errors?: ValidatorError[] | null;",
    "}",
    "",
    ...names.map((name) => {
      const [what, variant] = /^(.*)(Strict|Lenient)$/.exec(name)?.slice(1) ?? [];
      const schema = VALIDATED[what as keyof typeof VALIDATED];
      const doc =
        variant === "Strict"
          ? "rejecting unknown fields and values the spec does not list"
          : what === "contactInfoResponse"
            ? "accepting unknown fields; every enum closed, as the spec says"
            : "accepting unknown fields, enum values the spec does not list, and values that convert losslessly to the declared type (converted in place)";
      return `/** ${schema}, ${doc}. */\nexport declare const ${name}: GeneratedValidator;`;
    }),
    "",
  ].join("\n");
  return { js: code, dts };
}

function identifier(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function examplesOf(media: unknown): Array<[string, Json]> {
  if (!isObject(media)) return [];
  const named = media["examples"];
  if (isObject(named)) {
    return Object.entries(named).flatMap(([name, example]) =>
      isObject(example) && "value" in example ? [[name, example["value"] as Json]] : [],
    );
  }
  return "example" in media ? [["default", media["example"] as Json]] : [];
}

/** `src/generated/examples.ts`: each webhook's request (and 200 response) examples, by name. */
export function examplesSource(spec: OpenAPIDocument): string {
  const imports = new Set<string>();
  const blocks: string[] = [];
  const webhooks = (spec as { webhooks?: Record<string, unknown> }).webhooks ?? {};
  for (const [key, item] of Object.entries(webhooks)) {
    const post = isObject(item) ? item["post"] : undefined;
    if (!isObject(post)) continue;
    const operationId = String(post["operationId"] ?? key);
    const types = EXAMPLE_TYPES[operationId] ?? {};
    const body = isObject(post["requestBody"]) ? post["requestBody"]["content"] : undefined;
    const ok = isObject(post["responses"]) ? post["responses"]["200"] : undefined;
    const okContent = isObject(ok) ? ok["content"] : undefined;
    const sections: Array<[string, string | undefined, Array<[string, Json]>, string]> = [
      [
        `${operationId}Examples`,
        types.request,
        examplesOf(isObject(body) ? body["application/json"] : undefined),
        `The spec's examples of the \`${operationId}\` webhook's request body, by name.`,
      ],
      [
        `${operationId}ResponseExamples`,
        types.response,
        examplesOf(isObject(okContent) ? okContent["application/json"] : undefined),
        `The spec's examples of the answer to the \`${operationId}\` webhook, by name.`,
      ],
    ];
    for (const [name, type, examples, doc] of sections) {
      if (examples.length === 0) continue;
      if (type) imports.add(type);
      const entries = examples
        .map(([example, value]) => `${identifier(example)}: ${JSON.stringify(value)}`)
        .join(",\n");
      blocks.push(
        `/** ${doc} */\nexport const ${name} = {\n${entries}\n}${
          type ? ` satisfies Record<string, ${type}>` : ""
        };`,
      );
    }
  }
  const head = imports.size
    ? `import type { ${[...imports].sort().join(", ")} } from "@mehery/xms-webhook-types";\n\n`
    : "";
  return `${head}${blocks.join("\n\n")}\n`;
}

export const webhooks: Target = async ({ spec, repoRoot }) => {
  const { js, dts } = validatorSources(spec);
  const files: GeneratedFile[] = [
    { path: "src/generated/validators.js", contents: js },
    { path: "src/generated/validators.d.ts", contents: dts },
    { path: "src/generated/examples.ts", contents: examplesSource(spec) },
    {
      path: "src/generated/notification.ts",
      contents: transformNotificationModel(notificationModelOf(spec, listOperations(spec))),
    },
  ];
  for (const file of files) {
    file.contents = await formatGenerated(file.contents, repoRoot, file.path);
  }
  return files;
};
