import { describe, expect, test } from "vitest";
import type { PackageName } from "../../src/packages.js";
import { diffFiles, pair } from "../helpers.js";

const TYPES = "@mehery/xms-types";
const CLIENT = "@mehery/xms-client";
const WEBHOOK_TYPES = "@mehery/xms-webhook-types";
const WEBHOOKS = "@mehery/xms-webhooks";

/** `want`: the packages of each change the fixture produces, in order. */
const cases: [string, { before: string; after: string; want: PackageName[][] }][] = [
  [
    "a request change reaches the types and the client",
    { ...pair("request-property-added-optional"), want: [[TYPES, CLIENT]] },
  ],
  [
    "a response change reaches the types and the client",
    { ...pair("response-property-removed"), want: [[TYPES, CLIENT]] },
  ],
  [
    "a webhook payload change reaches the types and both webhook packages",
    { ...pair("webhook-payload-property-removed"), want: [[TYPES, WEBHOOK_TYPES, WEBHOOKS]] },
  ],
  [
    "a change in the answer to a webhook reaches the types and both webhook packages",
    { ...pair("webhook-answer-property-added-required"), want: [[TYPES, WEBHOOK_TYPES, WEBHOOKS]] },
  ],
  [
    "a shared schema reaches the packages of every place it is used",
    {
      ...pair("shared-schema-in-request-and-response"),
      want: [
        [TYPES, CLIENT],
        [TYPES, CLIENT],
        [TYPES, WEBHOOK_TYPES, WEBHOOKS],
      ],
    },
  ],
  [
    "an operation summary is JSDoc in the types and the client; a schema description only in the types",
    { ...pair("request-docs-changed"), want: [[TYPES, CLIENT], [TYPES], [TYPES]] },
  ],
  [
    "an x-sdk-method rename reaches the client only",
    { ...pair("sdk-method-renamed"), want: [[CLIENT]] },
  ],
  ["x-idempotent reaches the client only", { ...pair("idempotent-marked"), want: [[CLIENT]] }],
  [
    "an x-event-name rename reaches the webhook packages only",
    { ...pair("event-name-changed"), want: [[WEBHOOK_TYPES, WEBHOOKS]] },
  ],
  [
    "x-sdk-items reaches the webhook packages only (the event map and the notification model)",
    { ...pair("item-kind-removed"), want: [[WEBHOOK_TYPES, WEBHOOKS]] },
  ],
  [
    "x-webhook-path reaches the webhooks receiver only (its routes)",
    { ...pair("webhook-path-changed"), want: [[WEBHOOKS], [WEBHOOKS]] },
  ],
  ["servers reach the client only", { ...pair("server-removed"), want: [[CLIENT]] }],
  ["security schemes reach the client only", { ...pair("security-changed"), want: [[CLIENT]] }],
  [
    "a schema no operation uses reaches the types only",
    { ...pair("unreferenced-schema-changed"), want: [[TYPES], [TYPES]] },
  ],
  ["info is in no generated package", { ...pair("info-changed"), want: [[], []] }],
];

describe("package mapping", () => {
  test.each(cases)("%s", async (_name, { before, after, want }) => {
    const changes = await diffFiles(before, after);
    expect(changes.map((c) => c.packages)).toEqual(want);
  });
});
