import { jsdoc, literal, pluralCamelCase } from "../names.js";
import { enumOf } from "../read/enums.js";
import type { OpenAPIDocument } from "../spec.js";
import { schemaNames } from "./schema-aliases.js";

/**
 * Each string-enum schema of components.schemas → an `as const` list of its values, named after
 * the schema in the plural (`ContactType` → `contactTypes`), checked against the schema's type
 * with `satisfies`. Open enums list their known values.
 */
export function transformEnumValues(spec: OpenAPIDocument, aliasesModule: string): string {
  const schemas = spec.components?.schemas ?? {};
  const used: string[] = [];
  const lists = schemaNames(spec).flatMap((name) => {
    const info = enumOf(spec, schemas[name]!);
    if (!info) return [];
    used.push(name);
    const doc = info.open
      ? `The known values of {@link ${name}}, in spec order. The set is open: other strings are valid too.`
      : `Every value of {@link ${name}}, in spec order.`;
    const values = info.values.map(literal).join(", ");
    return [
      `${jsdoc(doc)}export const ${pluralCamelCase(name)} = [${values}] as const satisfies readonly ${name}[];`,
    ];
  });
  if (lists.length === 0) return "export {};\n";
  return `import type { ${used.join(", ")} } from "${aliasesModule}";\n\n${lists.join("\n\n")}\n`;
}
