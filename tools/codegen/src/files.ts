import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { GeneratedFile } from "./targets/target.js";

async function readOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Writes each file under `dir` (only those whose contents changed). Returns the paths written. */
export async function writeFiles(files: GeneratedFile[], dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = join(dir, file.path);
    if ((await readOrUndefined(target)) === file.contents) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.contents);
    written.push(file.path);
  }
  return written;
}

export interface StaleFile {
  path: string;
  missing: boolean;
  /** A unified diff from the file on disk to what the generator produces. */
  diff: string;
}

/** Compares each file with the one under `dir`; writes nothing. */
export async function checkFiles(files: GeneratedFile[], dir: string): Promise<StaleFile[]> {
  const stale: StaleFile[] = [];
  for (const file of files) {
    const current = await readOrUndefined(join(dir, file.path));
    if (current === file.contents) continue;
    // Loaded only when there is a diff to print: a run that writes never needs it.
    const { createTwoFilesPatch } = await import("diff");
    stale.push({
      path: file.path,
      missing: current === undefined,
      diff: createTwoFilesPatch(
        `a/${file.path}`,
        `b/${file.path}`,
        current ?? "",
        file.contents,
        current === undefined ? "(missing)" : "(on disk)",
        "(generated)",
      ),
    });
  }
  return stale;
}
