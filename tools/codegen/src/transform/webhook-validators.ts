/**
 * The webhook validators: ajv 8 standalone validators (JSON Schema 2020-12, all errors) of the
 * webhook bodies, each in a `strict` and a `lenient` variant, composed from the transforms
 * (schema object, discriminator picker, allOf flattening, seal, lenient, lossless).
 */
import { createRequire } from "node:module";
import type { AnySchemaObject } from "ajv";
import type { OpenAPIDocument } from "../spec.js";
import { inlineRuntime } from "./ajv-standalone.js";
import { flattenAllOf } from "./flatten-all-of.js";
import { reachable, type Json } from "./json-schema.js";
import { relaxEnums } from "./lenient.js";
import { losslessKeywords, losslessTypes } from "./lossless.js";
import { toJsonSchema } from "./schema-object.js";
import { strictDefs } from "./seal.js";

// ajv is CommonJS with `exports.default`; createRequire sidesteps the ESM/CJS default-import
// mismatch under NodeNext and keeps the types exact.
const require = createRequire(import.meta.url);
type StandaloneCode = typeof import("ajv/dist/standalone/index.js").default;

/**
 * ajv, required on first use: the webhooks target imports this module on the main thread for
 * `validatorDeclarations`, and only the validators thread compiles (it calls this as it starts).
 */
export function loadAjv(): {
  Ajv2020: typeof import("ajv/dist/2020.js").Ajv2020;
  standaloneCode: StandaloneCode;
} {
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const standalone = require("ajv/dist/standalone/index.js") as { default: StandaloneCode };
  return { Ajv2020, standaloneCode: standalone.default };
}

/** The validators, by export name: which schema they check. */
export interface Validated {
  /** The notification request: lenient relaxes it. */
  notification: string;
  /** The contact-info request: lenient relaxes it. */
  contactInfoRequest: string;
  /** The contact-info answer (sent, not received): validated as the spec says in both modes. */
  contactInfoResponse: string;
}

function exportName(what: string, variant: "strict" | "lenient"): string {
  return `${what}${variant === "strict" ? "Strict" : "Lenient"}`;
}

/** One `$defs` document of plain JSON Schema; a validator refers to one of its definitions. */
export interface Collection {
  id: string;
  defs: Record<string, Json>;
  variant: "strict" | "lenient";
  validators: readonly string[];
}

/**
 * What ajv compiles: the spec's schemas as plain JSON Schema (annotations left out), relaxed or
 * sealed per collection. Plain data, so that two runs can tell whether it changed.
 */
export function validatorCollections(spec: OpenAPIDocument, validated: Validated): Collection[] {
  const schemas = (spec.components?.schemas ?? {}) as unknown as Record<string, Json>;
  const converted: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(schemas)) converted[name] = toJsonSchema(schema);
  const all = flattenAllOf(converted);
  const only = (defs: Record<string, Json>, roots: readonly string[]): Record<string, Json> =>
    Object.fromEntries(reachable(defs, roots).map((name) => [name, defs[name] as Json]));
  const everything = Object.values(validated);
  const requests = [validated.notification, validated.contactInfoRequest];
  const answer = [validated.contactInfoResponse];
  // Each collection is one `$defs` document; a validator refers to one of its definitions.
  // The lenient answer gets its own collection of unrelaxed definitions (see relaxEnums()).
  return [
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
}

/** The standalone validator module: a strict and a lenient validator of each validated schema. */
export function compileValidators(
  collections: readonly Collection[],
  validated: Validated,
): string {
  const { Ajv2020, standaloneCode } = loadAjv();
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
    for (const [what, def] of Object.entries(validated)) {
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

  return code;
}

/** The standalone validator module of the spec (validatorCollections, then compileValidators). */
export function validatorSources(spec: OpenAPIDocument, validated: Validated): string {
  return compileValidators(validatorCollections(spec, validated), validated);
}

/** The declarations of the validator module; they depend on the validated names only. */
export function validatorDeclarations(validated: Validated): string {
  const names = Object.keys(validated)
    .flatMap((what) => [exportName(what, "strict"), exportName(what, "lenient")])
    .sort();
  return [
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
      const schema = validated[what as keyof Validated];
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
}
