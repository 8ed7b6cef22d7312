import { formatGenerated, formatJson, printedByTypeScript } from "../format.js";
import { documentThread } from "../document.js";
import { listOperations } from "../read/operations.js";
import { transformEnumValues } from "../transform/enum-values.js";
import { transformOperationTypes } from "../transform/operation-types.js";
import {
  schemaNames,
  transformSchemaAliases,
  transformSchemaExportMap,
} from "../transform/schema-aliases.js";
import type { Target } from "./target.js";

/** Throws when two generated exports would share a name. */
function assertUniqueNames(names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`xms-codegen: two generated types are named ${name}`);
    seen.add(name);
  }
}

/** packages/types: @mehery/xms-types. */
export const types: Target = async ({ spec, repoRoot }) => {
  const document = documentThread.run(spec);
  const helpers = listOperations(spec).flatMap(transformOperationTypes);
  assertUniqueNames([
    "paths",
    "webhooks",
    "components",
    "operations",
    ...schemaNames(spec),
    ...helpers.map((h) => h.name),
  ]);
  const operationTypes = `import type { operations, webhooks } from "./openapi.js";\n\n${helpers
    .map((h) => h.source)
    .join("\n\n")}\n`;
  const files = {
    "src/generated/schemas.ts": transformSchemaAliases(spec, "./openapi.js"),
    "src/generated/schema-exports.ts": transformSchemaExportMap(spec, "./schemas.js"),
    "src/generated/operation-types.ts": operationTypes,
    "src/generated/enum-values.ts": transformEnumValues(spec, "./schemas.js"),
  };
  const typeFiles = await Promise.all(
    Object.entries(files).map(async ([path, source]) => ({
      path,
      contents: await formatGenerated(source, repoRoot),
    })),
  );
  // The spec itself, for other languages and tools: `@mehery/xms-types/openapi.json`. At the
  // package root, not in src/generated, so that node10 resolution (no `exports`) finds it too.
  const specFile = {
    path: "openapi.json",
    contents: formatJson(spec),
  };
  const openapi = {
    path: "src/generated/openapi.ts",
    contents: printedByTypeScript(await document),
  };
  return [openapi, ...typeFiles, specFile];
};
