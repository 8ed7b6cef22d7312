import { describe, expect, test } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import type { MockServer } from "../../src/server.js";
import { auth, call } from "../helpers/http.js";

interface Captured extends CliIo {
  readonly stdout: () => string[];
  readonly stderr: () => string;
}

function io(signal?: AbortSignal, onListening?: (server: MockServer) => void): Captured {
  let out = "";
  let err = "";
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    cwd: process.cwd(),
    signal,
    onListening,
    stdout: () => out.split("\n").filter(Boolean),
    stderr: () => err,
  };
}

/** Starts the CLI; resolves once it listens, with a stop() that resolves to the exit code. */
async function start(argv: string[]) {
  const stop = new AbortController();
  let listening!: (server: MockServer) => void;
  const ready = new Promise<MockServer>((resolve) => (listening = resolve));
  const cli = io(stop.signal, listening);
  const exit = main(argv, cli);
  const server = await Promise.race([
    ready,
    exit.then((code) => {
      throw new Error(`exited with ${code}: ${cli.stderr()}`);
    }),
  ]);
  return { server, cli, stop: () => (stop.abort(), exit) };
}

describe("xms-mock-server (the CLI behind `pnpm start` and `pnpm mock`)", () => {
  test("listens on 127.0.0.1 by default, prints its URL, then one line per request; exits 0 when stopped", async () => {
    const { server, cli, stop } = await start(["--port", "0"]);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cli.stdout()[0]).toContain(`listening on ${server.url}`);
      await call(`${server.url}/api/v1/config/channels`, { headers: auth });
      expect(cli.stdout()[1]).toMatch(/^GET \/api\/v1\/config\/channels 200 \d+ms$/);
      expect(cli.stderr()).toBe("");
    } finally {
      expect(await stop()).toBe(0);
    }
    await expect(call(`${server.url}/api/v1/config/channels`, { headers: auth })).rejects.toThrow();
  });

  test("--host names the address explicitly", async () => {
    const { server, stop } = await start(["--port", "0", "--host", "127.0.0.2"]);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    } finally {
      await stop();
    }
  });

  test("--help prints the usage and exits 0", async () => {
    const cli = io();
    expect(await main(["--help"], cli)).toBe(0);
    expect(cli.stdout().join("\n")).toContain("--port <n>");
  });

  test.each([["--port=http"], ["--port=-1"], ["--port=65536"], ["--port=80.5"]])(
    "%s is refused with exit code 2",
    async (...argv) => {
      const cli = io();
      expect(await main(argv, cli)).toBe(2);
      expect(cli.stderr()).toContain("--port must be an integer");
    },
  );

  test("an unknown flag is refused with exit code 2 and the usage", async () => {
    const cli = io();
    expect(await main(["--prot", "4010"], cli)).toBe(2);
    expect(cli.stderr()).toContain("Usage: xms-mock-server");
  });

  test("a spec that cannot be read exits 1 with the reason", async () => {
    const cli = io();
    expect(await main(["--port", "0", "--spec", "/nonexistent.yaml"], cli)).toBe(1);
    expect(cli.stderr()).toContain("cannot read the OpenAPI document at /nonexistent.yaml");
  });
});
