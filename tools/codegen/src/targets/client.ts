import { formatGenerated } from "../format.js";
import { jsdoc, literal } from "../names.js";
import { listOperations } from "../read/operations.js";
import { groupResources, type ResourceMethod } from "../transform/resources.js";
import type { Target } from "./target.js";

/**
 * The `resources` table of @mehery/xms-client, as TypeScript source (data only). Each entry holds
 * what the client reads at run time (method, path, idempotent, input); the operationId, which it
 * does not read, is left in the JSDoc comment so that it costs the bundle nothing.
 */
export function clientResourceTable(groups: Map<string, ResourceMethod[]>): string {
  const body = [...groups]
    .map(([resource, methods]) => {
      const entries = methods.map((m) => {
        const doc = m.summary ? `${m.summary} (\`${m.operationId}\`)` : `\`${m.operationId}\``;
        return `${jsdoc(doc, "    ")}    ${m.name}: { method: ${literal(m.method)}, path: ${literal(m.path)}, idempotent: ${m.idempotent}, input: ${literal(m.input)} },`;
      });
      return `  ${resource}: {\n${entries.join("\n")}\n  },`;
    })
    .join("\n");
  return `/** Every operation of the API, by SDK resource and method name. */\nexport const resources = {\n${body}\n} as const;\n`;
}

/** packages/client: the `resources` table of @mehery/xms-client. */
export const client: Target = async ({ spec, repoRoot }) => {
  const groups = groupResources(spec.tags ?? [], listOperations(spec));
  return [
    {
      path: "src/generated/resources.ts",
      contents: await formatGenerated(clientResourceTable(groups), repoRoot),
    },
  ];
};
