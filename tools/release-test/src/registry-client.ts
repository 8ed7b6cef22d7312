import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { run } from "./exec.js";

/** One version of a package as the registry serves it: the published package.json, plus `dist`. */
export interface PublishedManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  dist: { tarball: string };
}

export interface Packument {
  "dist-tags": Record<string, string>;
  versions: Record<string, PublishedManifest>;
}

/** Reads a package's document (every version and the dist-tags) from the registry. */
export async function fetchPackument(registryUrl: string, name: string): Promise<Packument> {
  const response = await fetch(new URL(name.replace("/", "%2f"), registryUrl));
  if (!response.ok) throw new Error(`GET ${name} from ${registryUrl} answered ${response.status}`);
  return (await response.json()) as Packument;
}

/** Downloads a tarball into `dir` and returns the file's path. */
export async function downloadTarball(tarballUrl: string, dir: string): Promise<string> {
  const response = await fetch(tarballUrl);
  if (!response.ok) throw new Error(`GET ${tarballUrl} answered ${response.status}`);
  const file = join(
    dir,
    decodeURIComponent(new URL(tarballUrl).pathname).split("/").pop() ?? "package.tgz",
  );
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

/** The package.json inside a package tarball, parsed. */
export async function readTarballManifest(tarball: string): Promise<Record<string, unknown>> {
  const { stdout } = await run("tar", ["-xzOf", tarball, "package/package.json"], { cwd: "/" });
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** The paths inside a package tarball, relative to its `package/` folder. */
export async function listTarball(tarball: string): Promise<string[]> {
  const { stdout } = await run("tar", ["-tzf", tarball], { cwd: "/" });
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.replace(/^package\//, ""));
}
