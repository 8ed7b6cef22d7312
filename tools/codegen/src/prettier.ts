import type { Options } from "prettier";

/** What to format: the text, the .prettierrc.json that applies, and how to pick the parser. */
export interface FormatRequest {
  source: string;
  configPath: string;
  /** `{ filepath }` picks the parser as `prettier --check` does; else `{ parser }`. */
  parser: { filepath: string } | { parser: string };
}

// Loaded on first use, on the thread that formats (see format-worker.ts).
let prettierModule: Promise<typeof import("prettier")> | undefined;
const loadPrettier = () => (prettierModule ??= import("prettier"));

const configs = new Map<string, Promise<Options | null>>();

/** Formats with prettier and the repository's configuration, read once per path. */
export async function formatWithPrettier({
  source,
  configPath,
  parser,
}: FormatRequest): Promise<string> {
  const prettier = await loadPrettier();
  let config = configs.get(configPath);
  if (!config) {
    config = prettier.resolveConfig(configPath, { editorconfig: false });
    configs.set(configPath, config);
  }
  return prettier.format(source, { ...(await config), ...parser });
}

/** Loads prettier and its TypeScript parser ahead of the first file. */
export async function warmPrettier(): Promise<void> {
  await (await loadPrettier()).format(";", { parser: "typescript" });
}
