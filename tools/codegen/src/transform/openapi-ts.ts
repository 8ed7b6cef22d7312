import type { GlobalContext, OpenAPITSOptions } from "openapi-typescript";
import type { Node } from "typescript";
import ts from "../typescript-cjs.js";
import { transformContext } from "../openapi-typescript/context.js";
import { astToString, transformSchema } from "../openapi-typescript/transforms.js";
import type { OpenAPIDocument } from "../spec.js";
import { transformOpenEnum } from "./open-enum.js";
import { transformRequiredOneOf } from "./required-one-of.js";

/**
 * The openapi-typescript options of @mehery/xms-types. Each is explained in
 * packages/types/README.md ("How the types are generated"); keep the two in step.
 */
export const OPENAPI_TS_OPTIONS = {
  // Keep the spec's order: it groups related schemas, and diffs of the spec map onto diffs here.
  alphabetize: false,
  // Only objects the spec declares open (`additionalProperties: true`) get an index signature.
  additionalProperties: false,
  // A property with a `default` stays optional: the server fills it in, the caller may omit it.
  // (openapi-typescript's default, true, makes OutBoundMsgBase.mask required in requests.)
  defaultNonNullable: false,
  // `{ type: object }` with no properties is any object, not `Record<string, never>`.
  emptyObjectsUnknown: true,
  // Types only: no runtime `enum`s and no `ReadonlyArray` value lists from openapi-typescript;
  // the `as const` lists we want are emitted by transform/enum-values.ts.
  enum: false,
  enumValues: false,
  // `interface paths` etc., as openapi-fetch expects; interfaces also check faster than aliases.
  exportType: false,
  // No path parameters in this API; typed path templates would only add noise.
  pathParamsAsTypes: false,
  // Named schema exports come from transform/schema-aliases.ts (see README for why).
  rootTypes: false,
  silent: true,
  // Open enums keep their known values; "one of these fields is required" becomes a union.
  transform: (schema, options) =>
    transformOpenEnum(schema) ?? transformRequiredOneOf(schema, options),
} satisfies OpenAPITSOptions;

/** Statements openapi-typescript emits that describe nothing in a document without `$defs`. */
function isEmptyDefs(node: Node): boolean {
  return ts.isTypeAliasDeclaration(node) && node.name.text === "$defs";
}

/**
 * `paths`, `webhooks`, `components` and `operations` of the spec, as TypeScript source: what
 * openapiTS() renders, from its transforms alone (see src/openapi-typescript/).
 */
export async function transformDocument(
  spec: OpenAPIDocument,
  options: OpenAPITSOptions = OPENAPI_TS_OPTIONS,
): Promise<string> {
  // openapi-typescript annotates the object it is given (discriminators); hand it a copy.
  const schema = structuredClone(spec);
  // No transform reads `redoc` (the lint configuration): test/openapi-typescript/context.test.ts.
  const ctx = transformContext(schema, options) as GlobalContext;
  const nodes = transformSchema(schema, ctx);
  return astToString(nodes.filter((node) => !isEmptyDefs(node)));
}
