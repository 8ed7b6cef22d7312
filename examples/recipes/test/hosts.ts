import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { simulate, statuses, VERIFY_TOKEN } from "@mehery/example-test-kit";
import { webhookEventNames } from "@mehery/xms-webhooks";
import { expect, vi } from "vitest";

/** Listens on 127.0.0.1 with a random port; resolves to its origin and a close(). */
export async function listen(server: Server): Promise<{ origin: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

/** A node:http server that answers each request with `fetch(request)`, as a Fetch API host does. */
export function fetchServer(fetch: (request: Request) => Promise<Response>): Server {
  return createAdaptorServer({ fetch }) as Server;
}

const notifications = webhookEventNames.filter((name) => name !== "contact.info");

/**
 * Posts every example delivery of the simulator: the notifications to `url`, the contact-info
 * request to `contactInfoUrl`. Each gets 200 and the recipe's message.text handler logs once
 * (the generic `message` delivery posts the same message again: dedupe); with a wrong token,
 * every notification gets 401 and no handler runs.
 */
export async function expectSimulatorServed(url: string, contactInfoUrl = url): Promise<void> {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const events = notifications.flatMap((name) => ["--event", name]);
  try {
    const sent = await simulate(url, VERIFY_TOKEN, ...events);
    const asked = await simulate(contactInfoUrl, VERIFY_TOKEN, "--event", "contact.info");
    expect([sent.code, asked.code]).toEqual([0, 0]);
    expect([...statuses(sent.stdout), ...statuses(asked.stdout)]).toEqual([
      ...notifications.map((name) => `${name} -> 200`),
      "contact.info -> 200",
    ]);
    expect(log.mock.calls).toEqual([["text from 919988776655"]]);

    // One process for the refusals: the host's wiring is the same for both paths.
    const refused = await simulate(url, VERIFY_TOKEN, ...events, "--bad-token");
    expect(statuses(refused.stdout)).toEqual(notifications.map((name) => `${name} -> 401`));
    expect(log).toHaveBeenCalledTimes(1);
  } finally {
    log.mockRestore();
  }
}
