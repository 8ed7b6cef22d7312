import { describe, expect, test } from "vitest";
import { diffFiles, pair, type Seen, seen } from "../helpers.js";

/**
 * One fixture pair per rule (test/fixtures/<name>/{before,after}.yaml). `want` is the complete
 * list of changes: a spurious extra change fails the test as surely as a missing one.
 */
const cases: [string, { before: string; after: string; want: Seen[] }][] = [
  // --- request side: what a client sends -------------------------------------------------------
  [
    "a removed operation is breaking",
    {
      ...pair("operation-removed"),
      want: [{ severity: "breaking", rule: "operation-removed", at: "GET /other" }],
    },
  ],
  [
    "a removed request property is breaking",
    {
      ...pair("request-property-removed"),
      want: [
        { severity: "breaking", rule: "property-removed", at: "POST /items › request body › note" },
      ],
    },
  ],
  [
    "a removed parameter is breaking",
    {
      ...pair("request-parameter-removed"),
      want: [
        {
          severity: "breaking",
          rule: "parameter-removed",
          at: "POST /items › query parameter limit",
        },
      ],
    },
  ],
  [
    "a new required parameter is breaking",
    {
      ...pair("request-parameter-added-required"),
      want: [
        {
          severity: "breaking",
          rule: "parameter-added-required",
          at: "POST /items › query parameter page",
        },
      ],
    },
  ],
  [
    "a new required request property is breaking",
    {
      ...pair("request-property-added-required"),
      want: [
        {
          severity: "breaking",
          rule: "property-added-required",
          at: "POST /items › request body › lang",
        },
      ],
    },
  ],
  [
    "a parameter that becomes required is breaking",
    {
      ...pair("request-parameter-became-required"),
      want: [
        {
          severity: "breaking",
          rule: "parameter-became-required",
          at: "POST /items › query parameter limit",
        },
      ],
    },
  ],
  [
    "a request property that becomes required is breaking",
    {
      ...pair("request-property-became-required"),
      want: [
        {
          severity: "breaking",
          rule: "property-became-required",
          at: "POST /items › request body › note",
        },
      ],
    },
  ],
  [
    "a narrowed request type is breaking",
    {
      ...pair("request-type-narrowed"),
      want: [
        { severity: "breaking", rule: "type-narrowed", at: "POST /items › request body › amount" },
      ],
    },
  ],
  [
    "an enum value removed from what a client sends is breaking",
    {
      ...pair("request-enum-value-removed"),
      want: [
        {
          severity: "breaking",
          rule: "enum-value-removed",
          at: "POST /items › request body › kind",
        },
      ],
    },
  ],
  [
    "a oneOf variant removed from what a client sends is breaking",
    {
      ...pair("request-variant-removed"),
      want: [{ severity: "breaking", rule: "variant-removed", at: "POST /items › request body" }],
    },
  ],
  [
    "a tighter request constraint (maxLength) is breaking",
    {
      ...pair("request-constraint-narrowed"),
      want: [
        {
          severity: "breaking",
          rule: "constraint-narrowed",
          at: "POST /items › request body › name",
        },
      ],
    },
  ],
  [
    "a new required request body is breaking",
    {
      ...pair("request-body-added-required"),
      want: [
        { severity: "breaking", rule: "body-added-required", at: "POST /items › request body" },
      ],
    },
  ],
  [
    "a changed default of a request parameter is breaking",
    {
      ...pair("request-default-changed"),
      want: [
        {
          severity: "breaking",
          rule: "default-changed",
          at: "POST /items › query parameter limit",
        },
      ],
    },
  ],
  [
    "a new optional parameter is a feature",
    {
      ...pair("request-parameter-added-optional"),
      want: [
        {
          severity: "feature",
          rule: "parameter-added-optional",
          at: "POST /items › query parameter page",
        },
      ],
    },
  ],
  [
    "a new optional request property is a feature",
    {
      ...pair("request-property-added-optional"),
      want: [
        {
          severity: "feature",
          rule: "property-added-optional",
          at: "POST /items › request body › note",
        },
      ],
    },
  ],
  [
    "a widened request type (integer → number) is a feature",
    {
      ...pair("request-type-widened"),
      want: [
        { severity: "feature", rule: "type-widened", at: "POST /items › request body › amount" },
      ],
    },
  ],
  [
    "an enum value added to what a client sends is a feature",
    {
      ...pair("request-enum-value-added"),
      want: [
        { severity: "feature", rule: "enum-value-added", at: "POST /items › request body › kind" },
      ],
    },
  ],
  [
    "summary, description and example changes are fixes",
    {
      ...pair("request-docs-changed"),
      want: [
        { severity: "fix", rule: "docs-changed", at: "POST /items" },
        { severity: "fix", rule: "docs-changed", at: "POST /items › request body › name" },
        { severity: "fix", rule: "docs-changed", at: "POST /items › request body › name" },
      ],
    },
  ],
  [
    "a property marked deprecated is a feature",
    {
      ...pair("deprecated-added"),
      want: [
        { severity: "feature", rule: "deprecated-added", at: "POST /items › request body › note" },
      ],
    },
  ],
  [
    "a keyword the differ does not model is breaking, to be safe",
    {
      ...pair("unknown-keyword-changed"),
      want: [
        { severity: "breaking", rule: "keyword-changed", at: "POST /items › request body › name" },
      ],
    },
  ],

  // --- response side: what a client receives ---------------------------------------------------
  [
    "a removed response property is breaking",
    {
      ...pair("response-property-removed"),
      want: [
        { severity: "breaking", rule: "property-removed", at: "POST /items › response 200 › note" },
      ],
    },
  ],
  [
    "a response property that becomes optional is breaking",
    {
      ...pair("response-property-became-optional"),
      want: [
        {
          severity: "breaking",
          rule: "property-became-optional",
          at: "POST /items › response 200 › id",
        },
      ],
    },
  ],
  [
    "a value added to a closed response enum is breaking",
    {
      ...pair("response-enum-value-added-closed"),
      want: [
        {
          severity: "breaking",
          rule: "enum-value-added",
          at: "POST /items › response 200 › status",
        },
      ],
    },
  ],
  [
    "a value added to an open response enum (anyOf [enum, string]) is a feature",
    {
      ...pair("response-enum-value-added-open"),
      want: [
        {
          severity: "feature",
          rule: "open-enum-value-added",
          at: "POST /items › response 200 › status",
        },
      ],
    },
  ],
  [
    "a new response property, even required, is a feature",
    {
      ...pair("response-property-added"),
      want: [
        {
          severity: "feature",
          rule: "property-added-required",
          at: "POST /items › response 200 › note",
        },
      ],
    },
  ],
  [
    "a widened response type is breaking",
    {
      ...pair("response-type-widened"),
      want: [
        { severity: "breaking", rule: "type-widened", at: "POST /items › response 200 › count" },
      ],
    },
  ],
  [
    "a narrowed response type is a feature",
    {
      ...pair("response-type-narrowed"),
      want: [
        { severity: "feature", rule: "type-narrowed", at: "POST /items › response 200 › count" },
      ],
    },
  ],
  [
    "an enum value removed from a response is a feature",
    {
      ...pair("response-enum-value-removed"),
      want: [
        {
          severity: "feature",
          rule: "enum-value-removed",
          at: "POST /items › response 200 › status",
        },
      ],
    },
  ],
  [
    "a oneOf variant added to a response is breaking",
    {
      ...pair("response-variant-added"),
      want: [{ severity: "breaking", rule: "variant-added", at: "POST /items › response 200" }],
    },
  ],
  [
    "a removed response status is breaking",
    {
      ...pair("response-removed"),
      want: [{ severity: "breaking", rule: "response-removed", at: "POST /items › response 404" }],
    },
  ],

  // --- webhooks: the payload mirrors responses, the answer mirrors requests ---------------------
  [
    "a property removed from a webhook payload is breaking",
    {
      ...pair("webhook-payload-property-removed"),
      want: [
        {
          severity: "breaking",
          rule: "property-removed",
          at: "webhook itemChanged › request body › note",
        },
      ],
    },
  ],
  [
    "a new required property in a webhook payload is a feature",
    {
      ...pair("webhook-payload-property-added-required"),
      want: [
        {
          severity: "feature",
          rule: "property-added-required",
          at: "webhook itemChanged › request body › at",
        },
      ],
    },
  ],
  [
    "a value added to a closed enum of a webhook payload is breaking",
    {
      ...pair("webhook-payload-enum-value-added"),
      want: [
        {
          severity: "breaking",
          rule: "enum-value-added",
          at: "webhook itemChanged › request body › status",
        },
      ],
    },
  ],
  [
    "an enum value removed from a webhook payload is a feature",
    {
      ...pair("webhook-payload-enum-value-removed"),
      want: [
        {
          severity: "feature",
          rule: "enum-value-removed",
          at: "webhook itemChanged › request body › status",
        },
      ],
    },
  ],
  [
    "a new required header the platform sends is a feature",
    {
      ...pair("webhook-header-added-required"),
      want: [
        {
          severity: "feature",
          rule: "parameter-added-required",
          at: "webhook itemChanged › header parameter x-signature",
        },
      ],
    },
  ],
  [
    "a new required property in the answer users send is breaking",
    {
      ...pair("webhook-answer-property-added-required"),
      want: [
        {
          severity: "breaking",
          rule: "property-added-required",
          at: "webhook itemChanged › response 200 › email",
        },
      ],
    },
  ],
  [
    "a new optional property in the answer users send is a feature",
    {
      ...pair("webhook-answer-property-added-optional"),
      want: [
        {
          severity: "feature",
          rule: "property-added-optional",
          at: "webhook itemChanged › response 200 › email",
        },
      ],
    },
  ],
  [
    "an enum value added to the answer users send is a feature",
    {
      ...pair("webhook-answer-enum-value-added"),
      want: [
        {
          severity: "feature",
          rule: "enum-value-added",
          at: "webhook itemChanged › response 200 › type",
        },
      ],
    },
  ],

  // --- operations and webhooks themselves ------------------------------------------------------
  [
    "a new operation is a feature",
    {
      ...pair("operation-added"),
      want: [{ severity: "feature", rule: "operation-added", at: "GET /other" }],
    },
  ],
  [
    "an operationId rename is breaking (it renames the types and the client method)",
    {
      ...pair("operation-id-changed"),
      want: [
        { severity: "breaking", rule: "operation-id-changed", at: "POST /items" },
        { severity: "breaking", rule: "sdk-method-renamed", at: "POST /items" },
      ],
    },
  ],
  [
    "an operation moved to another path is one breaking change",
    {
      ...pair("operation-moved"),
      want: [{ severity: "breaking", rule: "operation-moved", at: "POST /things" }],
    },
  ],
  [
    "a new webhook is a feature",
    {
      ...pair("webhook-added"),
      want: [{ severity: "feature", rule: "webhook-added", at: "webhook itemChanged" }],
    },
  ],
  [
    "a removed webhook is breaking",
    {
      ...pair("webhook-removed"),
      want: [{ severity: "breaking", rule: "webhook-removed", at: "webhook itemChanged" }],
    },
  ],
  [
    "a webhook operationId rename is breaking",
    {
      ...pair("webhook-operation-id-changed"),
      want: [{ severity: "breaking", rule: "operation-id-changed", at: "webhook itemChanged" }],
    },
  ],
  [
    "an x-event-name rename is breaking",
    {
      ...pair("event-name-changed"),
      want: [{ severity: "breaking", rule: "event-name-changed", at: "webhook itemChanged" }],
    },
  ],
  // --- the notification model: x-webhook-path and x-sdk-items of a webhook -----------------------
  [
    "a changed x-webhook-path is breaking, and a webhook given one is a feature",
    {
      ...pair("webhook-path-changed"),
      want: [
        { severity: "breaking", rule: "webhook-path-changed", at: "webhook itemChanged" },
        { severity: "feature", rule: "webhook-path-added", at: "webhook itemArchived" },
      ],
    },
  ],
  [
    "a notification item kind added to x-sdk-items is a feature",
    {
      ...pair("item-kind-added"),
      want: [{ severity: "feature", rule: "item-kind-added", at: "webhook notification" }],
    },
  ],
  [
    "a notification item kind removed from x-sdk-items is breaking for the receiver",
    {
      ...pair("item-kind-removed"),
      want: [{ severity: "breaking", rule: "item-kind-removed", at: "webhook notification" }],
    },
  ],
  [
    "an item kind's values export or subtype field changed is breaking, once per field",
    {
      ...pair("item-kind-changed"),
      want: [
        { severity: "breaking", rule: "item-kind-changed", at: "webhook notification" },
        { severity: "breaking", rule: "item-kind-changed", at: "webhook notification" },
      ],
    },
  ],
  [
    "item kinds reordered in x-sdk-items change the dispatch order only: a fix",
    {
      ...pair("item-order-changed"),
      want: [{ severity: "fix", rule: "item-order-changed", at: "webhook notification" }],
    },
  ],
  [
    "an x-sdk-method rename is breaking",
    {
      ...pair("sdk-method-renamed"),
      want: [{ severity: "breaking", rule: "sdk-method-renamed", at: "POST /items" }],
    },
  ],
  [
    "marking an operation x-idempotent is a feature",
    {
      ...pair("idempotent-marked"),
      want: [{ severity: "feature", rule: "idempotent-marked", at: "POST /items" }],
    },
  ],

  // --- shared schemas, components and the document ---------------------------------------------
  [
    "a change in a schema shared through $ref and allOf is reported at every place, in that place's direction",
    {
      ...pair("shared-schema-in-request-and-response"),
      want: [
        { severity: "breaking", rule: "property-removed", at: "POST /items › request body › tag" },
        { severity: "breaking", rule: "property-removed", at: "POST /items › response 200 › tag" },
        {
          severity: "breaking",
          rule: "property-removed",
          at: "webhook itemChanged › request body › tag",
        },
      ],
    },
  ],
  [
    "a schema no operation reaches is compared on its own, and a new one is a feature",
    {
      ...pair("unreferenced-schema-changed"),
      want: [
        { severity: "breaking", rule: "property-removed", at: "components.schemas.Spare › tag" },
        { severity: "feature", rule: "component-added", at: "components.schemas.Extra" },
      ],
    },
  ],
  [
    "a cyclic schema is compared once per place",
    {
      ...pair("cyclic-schema"),
      want: [
        { severity: "breaking", rule: "type-changed", at: "POST /items › request body › value" },
      ],
    },
  ],
  [
    "a removed server is breaking",
    {
      ...pair("server-removed"),
      want: [{ severity: "breaking", rule: "server-removed", at: "servers" }],
    },
  ],
  [
    "a security alternative added, every earlier one kept, is a feature (x-api-key alone now suffices)",
    {
      ...pair("security-alternative-added"),
      want: [{ severity: "feature", rule: "security-alternative-added", at: "security" }],
    },
  ],
  [
    "a security alternative removed is breaking: those credentials are refused",
    {
      ...pair("security-alternative-removed"),
      want: [{ severity: "breaking", rule: "security-changed", at: "security" }],
    },
  ],
  [
    "a changed security scheme is breaking",
    {
      ...pair("security-changed"),
      want: [{ severity: "breaking", rule: "security-changed", at: "components.securitySchemes" }],
    },
  ],
  [
    "info changes are fixes",
    {
      ...pair("info-changed"),
      want: [
        { severity: "fix", rule: "docs-changed", at: "info" },
        { severity: "fix", rule: "docs-changed", at: "info" },
      ],
    },
  ],
  ["a change of layout, quoting or comments is no change", { ...pair("layout-only"), want: [] }],
  // --- allOf: the spec model's one merge, so a constraint two parts give differently counts ----
  [
    "a tighter request constraint in a later allOf part, which a first part contradicts, is breaking",
    {
      ...pair("request-allof-conflicting-constraint"),
      want: [
        {
          severity: "breaking",
          rule: "constraint-narrowed",
          at: "POST /items › request body › code",
        },
      ],
    },
  ],
  [
    "a request constraint added by a later allOf part, beside a first part's, is breaking",
    {
      ...pair("request-allof-constraint-added"),
      want: [
        {
          severity: "breaking",
          rule: "constraint-narrowed",
          at: "POST /items › request body › code",
        },
        { severity: "fix", rule: "docs-changed", at: "POST /items › request body › code" },
      ],
    },
  ],
];

describe("classification", () => {
  test.each(cases)("%s", async (_name, { before, after, want }) => {
    const changes = await diffFiles(before, after);
    expect(changes.map(seen)).toEqual(want);
  });
});

describe("details", () => {
  test("a changed x-sdk-items entry names the kind and the field", async () => {
    const { before, after } = pair("item-kind-changed");
    const changes = await diffFiles(before, after);
    expect(changes.map((c) => c.detail)).toEqual([
      'notification item kind "message": valuesExport "messageTypes" → "inboundTypes"',
      'notification item kind "status": subtype "status" → "state"',
    ]);
  });

  test("a change in a shared schema names the schema that declares it, through allOf", async () => {
    const { before, after } = pair("shared-schema-in-request-and-response");
    const changes = await diffFiles(before, after);
    expect(changes.map((c) => c.schema)).toEqual(["Base", "Base", "Base"]);
    expect(changes.map((c) => c.direction)).toEqual(["send", "receive", "receive"]);
  });

  test("a oneOf variant is named by its title when there is no discriminator", async () => {
    const { before, after } = pair("response-variant-added");
    const [change] = await diffFiles(before, after);
    expect(change?.detail).toBe('oneOf variant "Image" added');
  });
});
