import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The top of the git work tree that holds `cwd`. */
export async function repoRoot(cwd: string): Promise<string> {
  try {
    const { stdout } = await run("git", ["rev-parse", "--show-toplevel"], { cwd });
    return stdout.trim();
  } catch (error) {
    throw new Error(`xms-spec-diff: ${cwd} is not inside a git work tree`, { cause: error });
  }
}

/** `git show <ref>:<path>`: the file as it is at `ref`. */
export async function readAtRef(root: string, ref: string, path: string): Promise<string> {
  if (ref.startsWith("-"))
    throw new Error(`xms-spec-diff: ${JSON.stringify(ref)} is not a git ref`);
  try {
    const { stdout } = await run("git", ["show", `${ref}:${path}`], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    throw new Error(
      `xms-spec-diff: cannot read ${path} at ${JSON.stringify(ref)} (git show ${ref}:${path} failed)`,
      {
        cause: error,
      },
    );
  }
}
