import { execFile } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { createNodeMiddleware, createWebhooks, webhookEventNames } from "../../src/index.js";
import {
  SIMULATED_UNLISTED,
  allEventNames,
  deliveryFor,
  isLoopback,
  simulate,
} from "../../src/simulator.js";
import { TOKEN } from "../helpers/requests.js";
import { listen } from "../helpers/server.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("../../", import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
  bin: Record<string, string>;
  files: string[];
};
// The bin as package.json names it (what `npx xms-webhooks` and pnpm's link run).
const cli = join(packageDir, manifest.bin["xms-webhooks"]!);

async function xmsWebhooks(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** `xms-webhooks simulate --url <url> --token <token> ...args`, through the bin. */
function simulateCli(url: string, token: string, ...args: string[]) {
  return xmsWebhooks(["simulate", "--url", url, "--token", token, ...args]);
}

async function receiver(options: { dedupe?: boolean } = {}) {
  const webhooks = createWebhooks({ verifyToken: TOKEN, validate: "strict", ...options });
  const names: string[] = [];
  for (const name of webhookEventNames) webhooks.on(name, () => void names.push(name));
  webhooks.onContactInfo(() => ({ name: "Jane" }));
  const url = `${await listen(createNodeMiddleware(webhooks, { path: "/webhooks" }))}/webhooks`;
  return { url, names };
}

describe("the simulator's payloads", () => {
  test.each(allEventNames())(
    "the %s delivery is valid (strict) and reaches on(%s)",
    async (name) => {
      const webhooks = createWebhooks({ verifyToken: TOKEN, validate: "strict" });
      const names: string[] = [];
      for (const each of webhookEventNames) webhooks.on(each, () => void names.push(each));
      const delivery = deliveryFor(name);
      await webhooks.receive(delivery.payload, { kind: delivery.kind });
      expect(names).toContain(name);
    },
  );

  test.each([
    ["message.unlisted", "message", SIMULATED_UNLISTED.type],
    ["status.unlisted", "status", SIMULATED_UNLISTED.status],
  ] as const)(
    "the %s delivery carries a value the spec does not list: lenient dispatches it to on(%s.unlisted) only, strict refuses it",
    async (name, kind, value) => {
      const lenient = createWebhooks({ verifyToken: TOKEN });
      const names: string[] = [];
      for (const each of webhookEventNames) lenient.on(each, () => void names.push(each));
      const delivery = deliveryFor(name);
      expect(JSON.stringify(delivery.payload)).toContain(`"${value}"`);
      await lenient.receive(delivery.payload, { kind: delivery.kind });
      expect(names).toEqual([`${kind}.unlisted`]);
      const strict = createWebhooks({ verifyToken: TOKEN, validate: "strict" });
      await expect(strict.receive(delivery.payload, { kind: delivery.kind })).rejects.toThrow(
        /invalid message notification/,
      );
    },
  );

  test("event names with a dedicated spec example post it unchanged", async () => {
    const { messageNotificationExamples, contactInfoRequestExamples } =
      await import("../../src/generated/examples.js");
    expect(deliveryFor("message.image").payload).toEqual(messageNotificationExamples.image);
    expect(deliveryFor("status").payload).toEqual(messageNotificationExamples.status);
    expect(deliveryFor("contact.info").payload).toEqual(contactInfoRequestExamples.default);
  });

  test("derived messages get their own ids, so that dedupe does not mistake them for the text example", () => {
    const ids = ["message.text", "message.video", "message.voice", "message.system"].map(
      (name) =>
        (deliveryFor(name as "message.text").payload as { messages: { id: string }[] }).messages[0]!
          .id,
    );
    expect(new Set(ids).size).toBe(4);
  });

  test("--all covers every event name but the dispatcher's *.unlisted ones, contact.info last", () => {
    expect(allEventNames()).toEqual(
      expect.arrayContaining(webhookEventNames.filter((name) => !name.endsWith(".unlisted"))),
    );
    expect(allEventNames()).toHaveLength(webhookEventNames.length - 2);
    expect(allEventNames().at(-1)).toBe("contact.info");
  });

  test.each([
    ["http://127.0.0.1:3000/x", true],
    ["http://127.8.9.10/x", true],
    ["http://localhost:8080/", true],
    ["http://[::1]:3000/", true],
    ["http://10.0.0.5/", false],
    ["http://192.168.1.2/", false],
    ["https://example.com/", false],
    ["http://127.0.0.1.example.com/", false],
  ])("isLoopback(%s) is %s", (url, loopback) => {
    expect(isLoopback(new URL(url))).toBe(loopback);
  });

  test("simulate() refuses a remote URL without allowRemote, before sending anything", async () => {
    let sent = 0;
    const counting = (() => {
      sent++;
      return Promise.resolve(new Response("{}"));
    }) as typeof fetch;
    await expect(
      simulate({
        url: "https://hooks.example.com/x",
        token: TOKEN,
        events: ["message"],
        fetch: counting,
      }),
    ).rejects.toThrow(/--allow-remote/);
    expect(sent).toBe(0);
    await simulate({
      url: "https://hooks.example.com/x",
      token: TOKEN,
      events: ["message"],
      fetch: counting,
      allowRemote: true,
    });
    expect(sent).toBe(1);
  });
});

describe("the xms-webhooks bin", () => {
  test("is a committed shim outside dist/ (so that pnpm links it on a fresh clone), published, executable", () => {
    const path = relative(packageDir, cli);
    expect(path).toBe(join("bin", "xms-webhooks.js"));
    expect(manifest.files).toContain("bin");
    expect(readFileSync(cli, "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(() => accessSync(cli, constants.X_OK)).not.toThrow();
  });

  test("`xms-webhooks simulate --help` prints the usage and exits 0", async () => {
    const { code, stdout } = await xmsWebhooks(["simulate", "--help"]);
    expect(stdout).toMatch(/^Usage: xms-webhooks simulate --url <url> --token <token>/);
    expect(code).toBe(0);
  });

  test("without arguments it prints the usage on stderr and exits 2", async () => {
    const { code, stdout, stderr } = await xmsWebhooks([]);
    expect(stderr).toMatch(/^Usage: xms-webhooks simulate/);
    expect(stdout).toBe("");
    expect(code).toBe(2);
  });
});

describe("xms-webhooks simulate (the built CLI, through the bin)", () => {
  test("posts one event and prints its status", async () => {
    const { url, names } = await receiver();
    const { code, stdout } = await simulateCli(url, TOKEN, "--event", "message.text");
    expect(stdout).toBe("message.text -> 200\n");
    expect(code).toBe(0);
    expect(names).toEqual(["message", "message.text"]);
  });

  test("--duplicate sends twice; a dedupe receiver calls its handlers once", async () => {
    const { url, names } = await receiver({ dedupe: true });
    const { code, stdout } = await simulateCli(url, TOKEN, "--event", "status.READ", "--duplicate");
    expect(stdout).toBe("status.READ -> 200\nstatus.READ (duplicate) -> 200\n");
    expect(code).toBe(0);
    expect(names).toEqual(["status", "status.READ"]);
  });

  test("--bad-token gets 401 (expected, so exit 0) and reaches no handler", async () => {
    const { url, names } = await receiver();
    const { code, stdout } = await simulateCli(url, TOKEN, "--event", "action", "--bad-token");
    expect(stdout).toBe("action -> 401\n");
    expect(code).toBe(0);
    expect(names).toEqual([]);
  });

  test("--all posts every event name of the spec, then contact.info, each answered 200", async () => {
    const { url, names } = await receiver();
    const { code, stdout } = await simulateCli(url, TOKEN, "--all");
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(allEventNames().length);
    expect(lines.at(-1)).toBe('contact.info -> 200 {"name":"Jane"}');
    expect(lines.every((line) => / -> 200/.test(line))).toBe(true);
    expect(code).toBe(0);
    for (const name of allEventNames()) expect(names).toContain(name);
  });

  test("a wrong token without --bad-token exits 1", async () => {
    const { url } = await receiver();
    const { code, stdout } = await simulateCli(url, "wrong", "--event", "event");
    expect(stdout).toBe("event -> 401\n");
    expect(code).toBe(1);
  });

  test("refuses a URL that is not on this machine (exit 1), and checks its arguments (exit 2)", async () => {
    const remote = await simulateCli("http://hooks.example.invalid/x", "t", "--event", "message");
    expect(remote.code).toBe(1);
    expect(remote.stderr).toMatch(/not this machine.*--allow-remote/);
    const unknown = await simulateCli("http://127.0.0.1:1/", "t", "--event", "message.sticker");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown event\(s\): message.sticker/);
    expect((await xmsWebhooks(["simulate"])).code).toBe(2);
  });
});
