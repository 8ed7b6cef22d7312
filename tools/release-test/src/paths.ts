import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The root of the monorepo this package lives in. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The four published packages, by name and folder, in dependency order. */
export const publishedPackages = [
  { name: "@mehery/xms-types", dir: "packages/types" },
  { name: "@mehery/xms-webhook-types", dir: "packages/webhook-types" },
  { name: "@mehery/xms-client", dir: "packages/client" },
  { name: "@mehery/xms-webhooks", dir: "packages/webhooks" },
] as const;

export type PublishedPackageName = (typeof publishedPackages)[number]["name"];
