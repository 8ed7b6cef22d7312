import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { listOperations } from "../../src/read/operations.js";
import { findRepoRoot, loadSpec } from "../../src/spec.js";
import { buildEventMap } from "../../src/transform/webhook-event-map.js";

const repoRoot = findRepoRoot(import.meta.dirname);
const fixture = () =>
  loadSpec(join(import.meta.dirname, "../fixtures/mini-xms.yaml"), repoRoot).spec;

describe("buildEventMap", () => {
  test("names a kind, then one event per value of its enum and `<kind>.unlisted` if the enum is closed, then the plain webhooks", () => {
    const spec = fixture();
    const map = buildEventMap(spec, listOperations(spec));
    expect(map.entries.map((e) => [e.name, e.type])).toEqual([
      ["message", "InBoundMsg"],
      ["message.text", "InBoundTextMsg"],
      ["message.system", "InBoundSystemMsg"],
      ["message.unlisted", 'Omit<InBoundMsg, "type"> & { type: string & {} }'],
      ["status", "InBoundMsgStatus"],
      ["status.READ", 'InBoundMsgStatus & { status: "READ" }'],
      ["status.FAILD", 'InBoundMsgStatus & { status: "FAILD" }'],
      ["status.unlisted", 'Omit<InBoundMsgStatus, "status"> & { status: string & {} }'],
      ["event", "InBoundEvent"],
      ["event.SESSION_CLOSED", 'InBoundEvent & { eventCode: "SESSION_CLOSED" }'],
      ["action", "InBoundAction"],
      ["contact.info", "InBoundContact"],
    ]);
  });

  test.each<[string, { edit: (spec: any) => void; error: string }]>([
    [
      "a message type without a discriminator mapping",
      {
        edit: (s) => delete s.components.schemas.InBoundMsg.discriminator.mapping.system,
        error: `InBoundMsg's discriminator maps no schema for InBoundMsgType "system"`,
      },
    ],
    [
      "a mapping for a value the enum lacks",
      {
        edit: (s) => (s.components.schemas.InBoundMsgType.enum = ["text"]),
        error: "InBoundMsg maps system, which InBoundMsgType lacks",
      },
    ],
    [
      "a status field that is not an enum",
      {
        edit: (s) => (s.components.schemas.InBoundMsgStatusCode = { type: "string" }),
        error: "InBoundMsgStatusCode is not a string enum",
      },
    ],
    [
      'a message type named "unlisted", which would merge with the dispatcher\'s message.unlisted',
      {
        edit: (s) => {
          s.components.schemas.InBoundMsgType.enum.push("unlisted");
          s.components.schemas.InBoundMsg.discriminator.mapping.unlisted =
            "#/components/schemas/InBoundTextMsg";
        },
        error: `InBoundMsgType lists "unlisted", the name of the dispatcher's message.unlisted`,
      },
    ],
    [
      'a status code named "unlisted"',
      {
        edit: (s) => s.components.schemas.InBoundMsgStatusCode.enum.push("unlisted"),
        error: `InBoundMsgStatusCode lists "unlisted", the name of the dispatcher's status.unlisted`,
      },
    ],
    [
      "a plain webhook without x-event-name",
      {
        edit: (s) => delete s.webhooks.contactInfoRequest.post["x-event-name"],
        error: "webhook contactInfoRequest has no x-event-name",
      },
    ],
  ])("throws on %s", (_, { edit, error }) => {
    const spec = fixture();
    edit(spec);
    expect(() => buildEventMap(spec, listOperations(spec))).toThrow(error);
  });
});
