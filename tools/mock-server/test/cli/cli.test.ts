import { describe, expect, test } from "vitest";
import { runCli, type CliIo } from "../../src/cli.js";
import { auth, call } from "../helpers/http.js";

function io(): CliIo & { readonly lines: string[]; readonly errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

describe("xms-mock-server (the CLI behind `pnpm start` and `pnpm mock`)", () => {
  test("listens on 127.0.0.1 by default, prints its URL, then one line per request", async () => {
    const cli = io();
    const result = await runCli(["--port", "0"], cli);
    if (!("server" in result))
      throw new Error(`exited with ${result.exitCode}: ${cli.errors.join("\n")}`);
    try {
      expect(result.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cli.lines[0]).toContain(`listening on ${result.server.url}`);
      await call(`${result.server.url}/api/v1/config/channels`, { headers: auth });
      expect(cli.lines[1]).toMatch(/^GET \/api\/v1\/config\/channels 200 \d+ms$/);
      expect(cli.errors).toEqual([]);
    } finally {
      await result.server.close();
    }
  });

  test("--host names the address explicitly", async () => {
    const cli = io();
    const result = await runCli(["--port", "0", "--host", "127.0.0.2"], cli);
    if (!("server" in result)) throw new Error(cli.errors.join("\n"));
    try {
      expect(result.server.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    } finally {
      await result.server.close();
    }
  });

  test("--help prints the usage and exits 0", async () => {
    const cli = io();
    expect(await runCli(["--help"], cli)).toEqual({ exitCode: 0 });
    expect(cli.lines.join("\n")).toContain("--port <n>");
  });

  test.each([["--port=http"], ["--port=-1"], ["--port=65536"], ["--port=80.5"]])(
    "%s is refused with exit code 2",
    async (...argv) => {
      const cli = io();
      expect(await runCli(argv, cli)).toEqual({ exitCode: 2 });
      expect(cli.errors[0]).toContain("--port must be an integer");
    },
  );

  test("an unknown flag is refused with exit code 2 and the usage", async () => {
    const cli = io();
    expect(await runCli(["--prot", "4010"], cli)).toEqual({ exitCode: 2 });
    expect(cli.errors.join("\n")).toContain("Usage: xms-mock-server");
  });

  test("a spec that cannot be read exits 1 with the reason", async () => {
    const cli = io();
    expect(await runCli(["--port", "0", "--spec", "/nonexistent.yaml"], cli)).toEqual({
      exitCode: 1,
    });
    expect(cli.errors[0]).toContain("cannot read the OpenAPI document at /nonexistent.yaml");
  });
});
