import type { SchemaObject } from "openapi-typescript";
import { jsdoc } from "../names.js";
import { resolve } from "../read/refs.js";
import type { OpenAPIDocument } from "../spec.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The names of components.schemas, in spec order; throws on one that is no identifier. */
export function schemaNames(spec: OpenAPIDocument): string[] {
  const names = Object.keys(spec.components?.schemas ?? {});
  for (const name of names) {
    if (!IDENTIFIER.test(name)) {
      throw new Error(
        `xms-codegen: schema name ${JSON.stringify(name)} is not a TypeScript identifier`,
      );
    }
  }
  return names;
}

/**
 * components.schemas → one named export per schema, under the schema's own name:
 * `export type OutBoundMsg = components["schemas"]["OutBoundMsg"]`.
 */
export function transformSchemaAliases(spec: OpenAPIDocument, openapiModule: string): string {
  const schemas = spec.components?.schemas ?? {};
  const lines = schemaNames(spec).map((name) => {
    const schema = resolve<SchemaObject>(spec, schemas[name]!);
    const doc = jsdoc((schema as { description?: string }).description);
    return `${doc}export type ${name} = components["schemas"][${JSON.stringify(name)}];`;
  });
  return `import type { components } from "${openapiModule}";\n\n${lines.join("\n\n")}\n`;
}

/**
 * The named exports gathered into one interface keyed by schema name. It is not part of the
 * package API: a type test compares it with `components["schemas"]`, which fails when a schema
 * has no named export or an export points at the wrong schema.
 */
export function transformSchemaExportMap(spec: OpenAPIDocument, aliasesModule: string): string {
  const members = schemaNames(spec).map((name) => `  ${name}: Schemas.${name};`);
  return [
    `import type * as Schemas from "${aliasesModule}";`,
    "",
    "/** Every named schema export, by schema name. Internal: checked against components.schemas. */",
    "export interface SchemaExports {",
    ...members,
    "}",
    "",
  ].join("\n");
}
