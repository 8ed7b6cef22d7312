/**
 * The published reference's own example bodies of the two inbound requests, sent verbatim (the
 * render prints `contactId: 1234567`, `lane: 919999998888`, `phone: 919988776655` as numbers
 * where the spec declares strings), through every entry point. Lenient (the default) accepts
 * them and hands over the declared types; strict refuses them and says where.
 */
import { describe, expect, test } from "vitest";
import {
  createNodeMiddleware,
  createWebhooks,
  WebhookPayloadError,
  type ValidationMode,
  type Webhooks,
} from "../../src/index.js";
import { publishedContactInfo, publishedNotification } from "../helpers/published-reference.js";
import { TOKEN } from "../helpers/requests.js";
import { listen } from "../helpers/server.js";

const NOTIFICATION_PATH = "/webhooks/api/v1/message/receive";
const CONTACT_INFO_PATH = "/webhooks/api/v1/contact/info";

/** JSON pointers of every number left in a value. */
function numbersIn(value: unknown, pointer = ""): string[] {
  if (typeof value === "number") return [pointer];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => numbersIn(child, `${pointer}/${key}`));
}

/** What the handlers of a receiver saw. */
function receiver(validate: ValidationMode = "lenient") {
  const webhooks = createWebhooks({ verifyToken: TOKEN, validate });
  const seen = {
    names: [] as string[],
    notification: undefined as unknown,
    contact: undefined as unknown,
  };
  webhooks.onAny(({ name, notification }) => {
    seen.names.push(name);
    seen.notification = notification;
  });
  webhooks.onContactInfo(({ payload }) => {
    seen.contact = payload;
    return { name: "John Doe" };
  });
  return { webhooks, seen };
}

/** Each entry point: sends a body to the webhook at `path`; resolves to the status. */
const ENTRY_POINTS: Record<
  string,
  (webhooks: Webhooks, path: string, body: unknown) => Promise<number>
> = {
  "handle()": async (webhooks, path, body) =>
    (
      await webhooks.handle(
        new Request(`http://127.0.0.1${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-verify-token": TOKEN },
          body: JSON.stringify(body),
        }),
      )
    ).status,
  "createNodeMiddleware() on node:http": async (webhooks, path, body) => {
    const base = await listen(createNodeMiddleware(webhooks, { path: "/webhooks" }));
    const response = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-verify-token": TOKEN },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  },
  "receive()": async (webhooks, path, body) => {
    await webhooks.receive(structuredClone(body), {
      kind: path === CONTACT_INFO_PATH ? "contactInfo" : "notification",
    });
    return 200;
  },
};

describe.each(Object.entries(ENTRY_POINTS))(
  "the reference's examples, verbatim, through %s",
  (_, send) => {
    test(`the message notification (reference line ${publishedNotification.line}) gets 200, reaches every handler, with strings where the spec declares them`, async () => {
      const { webhooks, seen } = receiver();
      expect(await send(webhooks, NOTIFICATION_PATH, publishedNotification.body)).toBe(200);
      expect(seen.names).toEqual([
        "message.text",
        "status.DLVRD",
        "event.SESSION_ROUTED",
        "action",
      ]);
      const notification = seen.notification as {
        contacts: Array<Record<string, unknown> & { profile: Record<string, unknown> }>;
        messages: Array<
          Record<string, unknown> & {
            image: Record<string, unknown>;
            location: Record<string, unknown>;
          }
        >;
        statuses: Array<Record<string, unknown> & { errors: Array<Record<string, unknown>> }>;
      };
      expect(notification.contacts[0]).toMatchObject({
        contactId: "1234567",
        lane: "919999998888",
        profile: { phone: "919988776655" },
        businessProfile: { phone: "919988776655" },
      });
      expect(notification.messages[0]).toMatchObject({
        id: "1234567",
        from: "919988776655",
        messageIdExt: "1234567",
        image: { id: "2121212" },
        location: { latitude: "12.90909", longitude: "6.90808" },
      });
      expect(notification.statuses[0]).toMatchObject({ id: "1234567", errors: [{ code: "470" }] });
      // The only numbers left are the fields the spec declares as integers.
      expect(numbersIn(notification)).toEqual([
        "/events/0/session/sessionStamp",
        "/messages/0/tags/sentimentScore",
        "/messages/0/timestamp",
        "/statuses/0/timestamp",
      ]);
    });

    test(`the contact-info request (reference line ${publishedContactInfo.line}) gets 200 and reaches onContactInfo with strings where the spec declares them`, async () => {
      const { webhooks, seen } = receiver();
      expect(await send(webhooks, CONTACT_INFO_PATH, publishedContactInfo.body)).toBe(200);
      expect(seen.contact).toEqual({
        businessProfile: {
          email: "abc@xyz.com",
          name: "John Doe",
          phone: "919988776655",
          profileId: "C34567",
        },
        channelId: "wa360:919988776655",
        contactId: "1234567",
        contactType: "WHATSAPP",
        csid: "91YOURNUMBER",
        lane: "919999998888",
        profile: { email: "abc@xyz.com", name: "John Doe", phone: "919988776655" },
      });
    });
  },
);

describe("strict validation refuses the same verbatim bodies, naming each field", () => {
  test("handle(): the notification gets 400 pointing at the numbers sent for strings; no handler runs", async () => {
    const { webhooks, seen } = receiver("strict");
    const response = await webhooks.handle(
      new Request(`http://127.0.0.1${NOTIFICATION_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-verify-token": TOKEN },
        body: JSON.stringify(publishedNotification.body),
      }),
    );
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as {
      errors: Array<{ pointer: string; message: string }>;
    };
    expect(errors).toEqual(
      expect.arrayContaining([
        { pointer: "/contacts/0/contactId", message: "must be string" },
        { pointer: "/contacts/0/lane", message: "must be string" },
        { pointer: "/contacts/0/profile/phone", message: "must be string" },
      ]),
    );
    expect(seen.names).toEqual([]);
  });

  test("receive(): the contact-info request throws WebhookPayloadError naming /contactId", async () => {
    const { webhooks, seen } = receiver("strict");
    const error = await webhooks
      .receive(structuredClone(publishedContactInfo.body), { kind: "contactInfo" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect((error as WebhookPayloadError).errors).toEqual(
      expect.arrayContaining([{ pointer: "/contactId", message: "must be string" }]),
    );
    expect((error as Error).message).toMatch(/must be string/);
    expect(seen.contact).toBeUndefined();
  });
});
