import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatGenerated } from "../../src/format.js";
import { notificationModelOf } from "../../src/read/notification.js";
import { listOperations } from "../../src/read/operations.js";
import { findRepoRoot, loadSpec } from "../../src/spec.js";
import { transformNotificationModel } from "../../src/transform/notification-model.js";

const repoRoot = findRepoRoot(import.meta.dirname);
const load = (fixture: string) =>
  loadSpec(join(import.meta.dirname, "../fixtures", fixture), repoRoot).spec;
const modelOf = (spec: ReturnType<typeof load>) => notificationModelOf(spec, listOperations(spec));

describe("notificationModelOf", () => {
  test("reads the kinds in x-sdk-items order, with their subtype's known values, every list and each webhook's path", () => {
    expect(modelOf(load("mini-xms.yaml"))).toEqual({
      kinds: [
        {
          kind: "message",
          list: "messages",
          subtype: { field: "type", known: ["text", "system"] },
        },
        {
          kind: "status",
          list: "statuses",
          subtype: { field: "status", known: ["READ", "FAILD"] },
        },
        {
          kind: "event",
          list: "events",
          subtype: { field: "eventCode", known: ["SESSION_CLOSED"] },
        },
        { kind: "action", list: "actions" },
      ],
      lists: ["messages", "statuses", "events", "actions"],
      paths: { notification: "/notify", contactInfo: "/contact" },
    });
  });

  test("reads a kind the real spec lacks (reactions) like any other", () => {
    const model = modelOf(load("notification/reactions.yaml"));
    expect(model.kinds[1]).toEqual({
      kind: "reaction",
      list: "reactions",
      subtype: { field: "emoji", known: ["like", "love"] },
    });
    expect(model.lists).toEqual(["contacts", "messages", "reactions"]);
  });

  test("is empty when no webhook has x-sdk-items", () => {
    const spec = load("mini-xms.yaml");
    delete (spec.webhooks!["notification"] as any).post["x-sdk-items"];
    delete (spec.webhooks!["notification"] as any).post["x-webhook-path"];
    expect(modelOf(spec)).toEqual({ kinds: [], lists: [], paths: { contactInfo: "/contact" } });
  });

  test.each<[string, { edit: (spec: any) => void; error: string }]>([
    [
      "a list the payload does not have as an array of a named schema",
      {
        edit: (s) => s.webhooks.notification.post["x-sdk-items"].push({ list: "nope", kind: "x" }),
        error: "nope must be an array of a $ref'd schema",
      },
    ],
    [
      "a discriminated union without the enum of its values",
      {
        edit: (s) => delete s.webhooks.notification.post["x-sdk-items"][0].valuesSchema,
        error: "a discriminated union names the enum of its values",
      },
    ],
    [
      "a subtype field that is not an enum",
      {
        edit: (s) => (s.components.schemas.InBoundMsgStatusCode = { type: "string" }),
        error: "status.<status> values are not a string enum",
      },
    ],
    [
      "an x-webhook-path that is not a path",
      {
        edit: (s) => (s.webhooks.contactInfoRequest.post["x-webhook-path"] = "contact"),
        error: "contactInfoRequest: x-webhook-path must be a path",
      },
    ],
    [
      "two webhooks with x-sdk-items",
      {
        edit: (s) => (s.webhooks.contactInfoRequest.post["x-sdk-items"] = []),
        error: "two webhooks have x-sdk-items",
      },
    ],
  ])("throws on %s", (_, { edit, error }) => {
    const spec = load("mini-xms.yaml");
    edit(spec);
    expect(() => modelOf(spec)).toThrow(error);
  });
});

describe("transformNotificationModel", () => {
  // The webhooks package's runtime test dispatches with this very file: a kind added to the spec
  // reaches handlers with no edit of the receiver.
  test("emits the reactions fixture's model as the receiver's data", async () => {
    const source = transformNotificationModel(modelOf(load("notification/reactions.yaml")));
    await expect(await formatGenerated(source, repoRoot)).toMatchFileSnapshot(
      join(repoRoot, "packages/webhooks/test/fixtures/reactions-model.generated.ts"),
    );
  });
});
