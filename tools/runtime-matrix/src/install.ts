import { access, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runCommand } from "./exec.js";

/** This package's folder (src/ and dist/ are one level below it). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Where installed runtimes are kept between runs: ignored by git, prettier and turbo. */
export const cacheRoot = join(packageRoot, "node_modules/.cache/xms-runtime-matrix");

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Installs `name@version` from the npm registry with npm into its own folder under the cache,
 * once; later calls reuse it. A marker file written last tells a complete install from one
 * that was interrupted. Returns the folder (holding node_modules/).
 */
export async function installFromNpm(name: string, version: string): Promise<string> {
  const dir = join(cacheRoot, `${name}@${version}`);
  const marker = join(dir, ".installed");
  if (await exists(marker)) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), `{ "name": "runtime-${name}", "private": true }\n`);
  const { exitCode, stderr } = await runCommand(
    "npm",
    ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", `${name}@${version}`],
    { cwd: dir, timeoutMs: 300_000 },
  );
  if (exitCode !== 0)
    throw new Error(`npm install ${name}@${version} failed (exit ${String(exitCode)}):\n${stderr}`);
  await writeFile(marker, "");
  return dir;
}

/** The first of `candidates` that exists. */
export async function firstExisting(candidates: readonly string[]): Promise<string> {
  for (const candidate of candidates) if (await exists(candidate)) return candidate;
  throw new Error(`none of these exists: ${candidates.join(", ")}`);
}
