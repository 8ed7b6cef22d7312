import { formatGenerated } from "../format.js";
import { listOperations } from "../read/operations.js";
import {
  groupResources,
  transformResourceTypes,
  transformResources,
} from "../transform/resources.js";
import type { Target } from "./target.js";

/** packages/client: the `resources` table of @mehery/xms-client. */
export const client: Target = async ({ spec, repoRoot }) => {
  const groups = groupResources(spec.tags ?? [], listOperations(spec));
  return [
    {
      path: "src/generated/resources.ts",
      contents: await formatGenerated(
        `${transformResourceTypes(groups)}\n${transformResources(groups)}`,
        repoRoot,
      ),
    },
  ];
};
