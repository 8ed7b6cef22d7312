import { webhookEventNames } from "@mehery/xms-webhooks";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  contactInfoAnswers,
  simulate,
  startExample,
  statuses,
  type RunningExample,
} from "./processes.js";

/** The verification token the tests start each receiver with. */
export const VERIFY_TOKEN = "example-verify-token";
const TOKEN = VERIFY_TOKEN;

/** The `start()` every receiver example exports from `src/server.ts`. */
export type ReceiverStart = (options: {
  port?: number;
  verifyToken?: string;
  log?: (line: string) => void;
}) => Promise<{ url: string; close(): Promise<void> }>;

export interface ReceiverExample {
  /** The example's package directory (where `src/main.ts` is), as a path or a `file:` URL. */
  dir: string | URL;
  /** The example's `start()`, tested in-process. */
  start: ReceiverStart;
  /**
   * A route of the app's own that must keep answering next to the webhooks, e.g.
   * `{ path: "/health", json: { ok: true } }`: GET path must answer 200 with that JSON.
   */
  appRoute?: { path: string; json: unknown };
  /**
   * The exit code `pnpm start` stops with on SIGTERM. Default 0; Miniflare, which runs the
   * Worker example, stops workerd and exits 143 (128 + SIGTERM) as a shell would.
   */
  sigtermExitCode?: number;
}

/**
 * The events `simulate --all` posts: every name but the dispatcher's `message.unlisted` and
 * `status.unlisted`, which carry values the spec does not list (ask for them with --event).
 */
const allEvents = webhookEventNames.filter((name) => !name.endsWith(".unlisted"));

/** What the receiver answers the contact-info request of the spec's example contact. */
const answer = {
  profileId: "C34567",
  name: "John Doe",
  email: "abc@xyz.com",
  labels: [{ key: "CUSTOMER_TYPE", name: "Customer Type", type: "TEXT", value: "Platinum" }],
};
const contactInfoLine = "contact.info for wa919988776655_918828218374: answered C34567";

/**
 * Registers the tests every webhook receiver example passes: `pnpm start` driven by the
 * `xms-webhooks` simulator, `start()` in-process, and how `pnpm start` fails and stops.
 */
export function describeReceiverExample({
  dir,
  start,
  appRoute,
  sigtermExitCode = 0,
}: ReceiverExample): void {
  describe("`pnpm start`, driven by `xms-webhooks simulate`", () => {
    let example: RunningExample;
    let url: string;

    beforeAll(async () => {
      example = startExample(dir, { PORT: "0", XMS_VERIFY_TOKEN: TOKEN });
      const index = await example.waitForLine(/^Listening for XMS webhooks on /);
      url = example.lines[index]!.replace("Listening for XMS webhooks on ", "");
    });
    afterAll(async () => {
      example.child.kill("SIGTERM");
      await example.exited;
    });

    test("it listens on 127.0.0.1 at /webhooks", () => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks$/);
    });

    test("--all: every delivery gets 200 and the handlers see each text, status and contact-info", async () => {
      const from = example.lines.length;
      const run = await simulate(url, TOKEN, "--all");
      expect(statuses(run.stdout)).toEqual(allEvents.map((name) => `${name} -> 200`));
      expect(contactInfoAnswers(run.stdout)).toEqual([answer]);
      expect(run.code).toBe(0);

      // contact.info is the last delivery: once its line is printed, every earlier one is too.
      const last = await example.waitForLine(contactInfoLine, from);
      // `message` and `message.text` post the same message, and `status` posts the DLVRD and FAILD
      // items that `status.DLVRD` and `status.FAILD` post again: with dedupe, each is handled once.
      expect(example.lines.slice(from, last + 1)).toEqual([
        "message.text from John Doe: Hi, where is my order?",
        "status DLVRD of gBEGkYiEB1VXAglK1ZEqA1YKPrU",
        "status FAILD of gBEGkYiEB1VXAglK1ZEqA1YKPrV",
        "status READ of gBEGkYiEB1VXAglK1ZEqA1YKPrU",
        "read receipt for gBEGkYiEB1VXAglK1ZEqA1YKPrU",
        "status SENT of gBEGkYiEB1VXAglK1ZEqA1YKPrU",
        "status DELTD of gBEGkYiEB1VXAglK1ZEqA1YKPrU",
        contactInfoLine,
      ]);
    });

    test("--duplicate: retried deliveries get 200 again but run no notification handler twice", async () => {
      const from = example.lines.length;
      const run = await simulate(url, TOKEN, "--all", "--duplicate");
      expect(statuses(run.stdout)).toEqual(
        allEvents.flatMap((name) => [`${name} -> 200`, `${name} (duplicate) -> 200`]),
      );
      expect(contactInfoAnswers(run.stdout)).toEqual([answer, answer]);
      expect(run.code).toBe(0);

      // A contact-info request is a question, not a notification: it is answered every time.
      const first = await example.waitForLine(contactInfoLine, from);
      const second = await example.waitForLine(contactInfoLine, first + 1);
      expect(example.lines.slice(from, second + 1)).toEqual([contactInfoLine, contactInfoLine]);
    });

    test("--bad-token: every delivery gets 401 and no handler runs", async () => {
      const from = example.lines.length;
      const run = await simulate(url, TOKEN, "--all", "--bad-token");
      expect(statuses(run.stdout)).toEqual(allEvents.map((name) => `${name} -> 401`));
      expect(run.code).toBe(0); // the simulator expected 401s

      // One delivery with the right token after them: the only line printed since is its own.
      await simulate(url, TOKEN, "--event", "contact.info");
      const next = await example.waitForLine(contactInfoLine, from);
      expect(next).toBe(from);
    });
  });

  describe("start(), in-process", () => {
    test("a text message delivered twice is handled once; a READ status runs both status handlers", async () => {
      const seen: string[] = [];
      const receiver = await start({ port: 0, verifyToken: TOKEN, log: (line) => seen.push(line) });
      try {
        const text = await simulate(receiver.url, TOKEN, "--event", "message.text", "--duplicate");
        expect(text.stderr).toBe("");
        expect(statuses(text.stdout)).toEqual([
          "message.text -> 200",
          "message.text (duplicate) -> 200",
        ]);
        expect(seen).toEqual(["message.text from John Doe: Hi, where is my order?"]);

        await simulate(receiver.url, TOKEN, "--event", "status.READ");
        expect(seen.slice(1)).toEqual([
          "status READ of gBEGkYiEB1VXAglK1ZEqA1YKPrU",
          "read receipt for gBEGkYiEB1VXAglK1ZEqA1YKPrU",
        ]);
      } finally {
        await receiver.close();
      }
    });

    test("without a verification token it refuses to start", async () => {
      const saved = process.env.XMS_VERIFY_TOKEN;
      delete process.env.XMS_VERIFY_TOKEN;
      try {
        await expect(start({ port: 0 })).rejects.toThrow("set XMS_VERIFY_TOKEN");
      } finally {
        if (saved !== undefined) process.env.XMS_VERIFY_TOKEN = saved;
      }
    });
  });

  test("`pnpm start` without XMS_VERIFY_TOKEN exits 1 and says what to set", async () => {
    const example = startExample(dir, { PORT: "0" });
    const exit = await example.exited;
    expect({ code: exit.code, stderr: exit.stderr }).toEqual({
      code: 1,
      stderr: expect.stringContaining("set XMS_VERIFY_TOKEN"),
    });
  });

  test(`\`pnpm start\` stops on SIGTERM with exit code ${sigtermExitCode} and stops listening`, async () => {
    const example = startExample(dir, { PORT: "0", XMS_VERIFY_TOKEN: TOKEN });
    const index = await example.waitForLine(/^Listening for XMS webhooks on /);
    const url = example.lines[index]!.replace("Listening for XMS webhooks on ", "");
    example.child.kill("SIGTERM");
    const exit = await example.exited;
    expect({ code: exit.code, stderr: exit.stderr }).toEqual({ code: sigtermExitCode, stderr: "" });
    await expect(fetch(url, { method: "POST" })).rejects.toThrow();
  });

  if (appRoute !== undefined) {
    const route = appRoute;
    test(`the app's own routes still answer next to the webhooks: GET ${route.path}`, async () => {
      const receiver = await start({ port: 0, verifyToken: TOKEN });
      try {
        const response = await fetch(new URL(route.path, receiver.url));
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual(route.json);
      } finally {
        await receiver.close();
      }
    });
  }
}
