import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from "openapi-typescript";
import { assertRefsResolve } from "../read/refs.js";
import { resolveRef, scanDiscriminators } from "./transforms.js";

/**
 * The context openapiTS() (openapi-typescript 7.13, dist/index.mjs) hands its transforms, built
 * the same way from the same options, with the same defaults, over a document given as an object.
 * What openapiTS() does besides is Redocly's: bundling external `$ref`s (the spec has none), and
 * the `minimal` lint with unique operationIds, whose errors spec-check's `recommended-strict` lint
 * reports in CI; here, a `$ref` that names nothing and (read/operations.ts) a duplicate
 * operationId still stop the generator.
 * test/openapi-typescript/context.test.ts fails when a new version's openapiTS() reads an option
 * this does not.
 */
export function transformContext(
  schema: OpenAPI3,
  options: OpenAPITSOptions,
): Omit<GlobalContext, "redoc"> {
  const version = Number.parseFloat(String(schema.openapi));
  if (!(version >= 3 && version < 4)) {
    throw new Error(`xms-codegen: unsupported OpenAPI version ${String(schema.openapi)}`);
  }
  assertRefsResolve(schema);
  const silent = options.silent ?? false;
  return {
    additionalProperties: options.additionalProperties ?? false,
    alphabetize: options.alphabetize ?? false,
    arrayLength: options.arrayLength ?? false,
    defaultNonNullable: options.defaultNonNullable ?? true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: options.emptyObjectsUnknown ?? false,
    enum: options.enum ?? false,
    enumValues: options.enumValues ?? false,
    conditionalEnums: options.conditionalEnums ?? false,
    dedupeEnums: options.dedupeEnums ?? false,
    excludeDeprecated: options.excludeDeprecated ?? false,
    exportType: options.exportType ?? false,
    immutable: options.immutable ?? false,
    rootTypes: options.rootTypes ?? false,
    rootTypesNoSchemaPrefix: options.rootTypesNoSchemaPrefix ?? false,
    rootTypesKeepCasing: options.rootTypesKeepCasing ?? false,
    injectFooter: [],
    pathParamsAsTypes: options.pathParamsAsTypes ?? false,
    postTransform: typeof options.postTransform === "function" ? options.postTransform : undefined,
    propertiesRequiredByDefault: options.propertiesRequiredByDefault ?? false,
    silent,
    inject: options.inject ?? undefined,
    transform: typeof options.transform === "function" ? options.transform : undefined,
    transformProperty:
      typeof options.transformProperty === "function" ? options.transformProperty : undefined,
    makePathsEnum: options.makePathsEnum ?? false,
    generatePathParams: options.generatePathParams ?? false,
    readWriteMarkers: options.readWriteMarkers ?? false,
    resolve<T>($ref: string): T | undefined {
      return resolveRef<T>(schema, $ref, { silent });
    },
  };
}
