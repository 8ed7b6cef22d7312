import { cp, mkdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { cleanEnv, run } from "./exec.js";
import { publishedPackages, repoRoot } from "./paths.js";

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Copies the monorepo into `dest` as a fresh clone would have it after `pnpm build`: every file
 * git knows about or would pick up (tracked, plus untracked files that are not ignored, so that
 * uncommitted work is tested too), and the built `dist/` of each published package. No
 * node_modules, no .git, no turbo cache. `withDist: false` leaves the builds out. The copy is then made a git repository with one commit,
 * because `changeset publish` tags every package it publishes.
 */
export async function copyWorkspace(
  dest: string,
  options: { withDist?: boolean } = {},
): Promise<void> {
  const { withDist = true } = options;
  const { stdout } = await run(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: repoRoot,
    },
  );
  const files = stdout.split("\0").filter((file) => file !== "");
  for (const file of files) {
    const from = join(repoRoot, file);
    // A tracked file deleted in the work tree is still listed by --cached.
    if (!(await exists(from))) continue;
    await mkdir(dirname(join(dest, file)), { recursive: true });
    await cp(from, join(dest, file));
  }
  for (const pkg of withDist ? publishedPackages : []) {
    const dist = join(repoRoot, pkg.dir, "dist");
    if (!(await exists(dist))) {
      throw new Error(
        `${pkg.name} is not built: ${dist} is missing (turbo runs ^build before this test)`,
      );
    }
    await cp(dist, join(dest, pkg.dir, "dist"), { recursive: true });
  }
  const git = (...args: string[]) =>
    run(
      "git",
      ["-c", "user.name=release-test", "-c", "user.email=release-test@localhost", ...args],
      {
        cwd: dest,
        env: cleanEnv({ GIT_CONFIG_NOSYSTEM: "1" }),
      },
    );
  await git("init", "--quiet", "--initial-branch=main");
  await git("add", "--all");
  await git("commit", "--quiet", "--no-gpg-sign", "--message", "release-test snapshot");
}
