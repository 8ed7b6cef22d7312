import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./exec.js";

export interface PackedPackage {
  /** Absolute path of the .tgz file. */
  filename: string;
  /** Paths inside the tarball, relative to its `package/` folder. */
  files: string[];
}

/**
 * Packs a package with `pnpm pack` into a fresh temp folder: the exact tarball `pnpm publish`
 * would upload (`workspace:` ranges rewritten, `files` applied). Packing into our own folder,
 * rather than the package's, keeps this from racing the package's own `lint` task, which packs
 * the same file name into the package folder at the same time under turbo.
 */
export async function packPackage(pkgDir: string): Promise<PackedPackage> {
  const destination = await mkdtemp(join(tmpdir(), "xms-pack-"));
  const { stdout } = await run("pnpm", ["pack", "--json", "--pack-destination", destination], {
    cwd: pkgDir,
  });
  const parsed = JSON.parse(stdout) as { filename: string; files: { path: string }[] };
  return { filename: parsed.filename, files: parsed.files.map((file) => file.path) };
}
