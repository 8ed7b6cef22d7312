import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * Runs a file of the example as a user does (`pnpm start` is `tsx src/index.ts`), with `env`
 * over an environment from which every XMS_* variable of the developer's shell was removed.
 */
export function runExample(
  file: string,
  args: string[],
  env: Record<string, string>,
): Promise<Run> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("XMS_")),
  );
  const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
    cwd: packageDir,
    env: { ...base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The output's lines, without the empty ones. */
export const lines = (text: string): string[] => text.split("\n").filter((line) => line !== "");
