import { describe, expect, test } from "vitest";
import {
  eventCodes,
  messageTypes,
  notificationItemKinds,
  statusCodes,
  webhookEventNames,
} from "../../src/index.js";

describe("webhookEventNames (runtime)", () => {
  test("holds each kind, then its sub-events (and `<kind>.unlisted` for a closed enum), then contact.info", () => {
    expect(webhookEventNames).toEqual([
      "message",
      ...messageTypes.map((t) => `message.${t}`),
      "message.unlisted",
      "status",
      ...statusCodes.map((c) => `status.${c}`),
      "status.unlisted",
      "event",
      ...eventCodes.map((c) => `event.${c}`),
      "action",
      "contact.info",
    ]);
  });

  test("has no duplicates", () => {
    expect(new Set(webhookEventNames).size).toBe(webhookEventNames.length);
  });

  test("every kind of notificationItemKinds is an event", () => {
    for (const kind of Object.keys(notificationItemKinds))
      expect(webhookEventNames).toContain(kind);
  });
});
