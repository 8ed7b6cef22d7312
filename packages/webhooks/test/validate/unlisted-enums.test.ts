// The lenient rule: unknown fields, absent optional fields and unknown enum values pass; wrong
// JSON types on known fields fail. Here, every closed string enum the two webhook request
// payloads reach is found in the spec itself (not in a list kept here, nor in the generator), so
// an enum the spec gains is covered without editing this file.
import { loadRepoSpec } from "@mehery/xms-codegen";
import { describe, expect, test } from "vitest";
import {
  contactInfoRequestExamples,
  contactInfoRequestResponseExamples,
  messageNotificationExamples,
} from "../../src/generated/examples.js";
import { createWebhooks, type ValidationMode } from "../../src/index.js";
import { validateAnswer } from "../../src/validate.js";
import { TOKEN, webhookRequest } from "../helpers/requests.js";

type Node = Record<string, unknown>;

const spec = loadRepoSpec(process.cwd()).spec as unknown as {
  components: { schemas: Record<string, Node> };
};
const schemas = spec.components.schemas;

const UNLISTED = "XMS_UNLISTED_VALUE";

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resolve(node: Node, stack: readonly string[]): [Node, string[]] | undefined {
  const ref = node["$ref"];
  if (typeof ref !== "string") return [node, [...stack]];
  const name = ref.replace("#/components/schemas/", "");
  if (stack.includes(name)) return undefined; // a cycle: its enums are found on the first pass
  const target = schemas[name];
  if (!target) throw new Error(`no schema ${name}`);
  return resolve(target, [...stack, name]);
}

/** An "open enum" (`anyOf: [{ enum }, { type: string }]`) already accepts any string. */
function isOpen(node: Node): boolean {
  const anyOf = node["anyOf"];
  return (
    Array.isArray(anyOf) &&
    anyOf.some(
      (member) =>
        isNode(member) &&
        member["type"] === "string" &&
        Object.keys(member).every((key) => ["type", "description", "title"].includes(key)),
    )
  );
}

/**
 * Where a value of `root` holds a closed enum of strings, as JSON pointer templates (`*` for
 * any array index), with the values the spec lists.
 */
function enumLocations(root: string): Array<{ template: string; values: string[] }> {
  const found = new Map<string, string[]>();
  const walk = (raw: Node, path: string, stack: readonly string[]): void => {
    const resolved = resolve(raw, stack);
    if (!resolved) return;
    const [node, inner] = resolved;
    const values = node["enum"];
    if (Array.isArray(values) && values.every((v) => typeof v === "string")) {
      found.set(path, values as string[]);
    }
    if (isOpen(node)) return;
    for (const key of ["allOf", "oneOf", "anyOf"]) {
      const members = node[key];
      if (Array.isArray(members)) for (const m of members) if (isNode(m)) walk(m, path, inner);
    }
    const properties = node["properties"];
    if (isNode(properties)) {
      for (const [name, property] of Object.entries(properties)) {
        if (isNode(property)) walk(property, `${path}/${name}`, inner);
      }
    }
    if (isNode(node["items"])) walk(node["items"], `${path}/*`, inner);
  };
  walk({ $ref: `#/components/schemas/${root}` }, "", []);
  return [...found].map(([template, values]) => ({ template, values }));
}

/** The pointers matching `template` at which `value` holds a string. */
function instances(value: unknown, template: string): string[] {
  const [head, ...rest] = template.split("/").slice(1);
  if (head === undefined) return typeof value === "string" ? [""] : [];
  const tail = rest.length ? `/${rest.join("/")}` : "";
  const children: Array<[string, unknown]> =
    head === "*"
      ? Array.isArray(value)
        ? value.map((v, i) => [String(i), v])
        : []
      : isNode(value) && Object.hasOwn(value, head)
        ? [[head, value[head]]]
        : [];
  return children.flatMap(([key, child]) => instances(child, tail).map((p) => `/${key}${p}`));
}

function setAt(root: unknown, pointer: string, value: unknown): unknown {
  const copy = structuredClone(root) as Node;
  const parts = pointer.split("/").slice(1);
  let node = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Node;
  node[parts[parts.length - 1]!] = value;
  return copy;
}

/** A spec example with an unlisted value at the first place matching `template`. */
function exampleWithUnlisted(examples: Record<string, unknown>, template: string) {
  for (const example of Object.values(examples)) {
    const [pointer] = instances(example, template);
    if (pointer !== undefined) return { body: setAt(example, pointer, UNLISTED), pointer };
  }
  throw new Error(
    `no example of the spec has a value at ${template}; add one to the spec so this enum is tested`,
  );
}

const PAYLOADS = [
  { kind: "notification", root: "InBoundWrapper", examples: messageNotificationExamples },
  { kind: "contact-info request", root: "InBoundContact", examples: contactInfoRequestExamples },
] as const;

const cases = PAYLOADS.flatMap(({ kind, root, examples }) =>
  enumLocations(root).map(({ template, values }) => ({
    where: `${kind} ${root}${template}`,
    root,
    examples,
    template,
    values,
  })),
);

function receiver(validate?: ValidationMode) {
  const webhooks = createWebhooks({
    verifyToken: TOKEN,
    ...(validate === undefined ? {} : { validate }),
  });
  let calls = 0;
  webhooks.onAny(() => void calls++);
  webhooks.onContactInfo(() => {
    calls++;
    return {};
  });
  return { webhooks, calls: () => calls };
}

describe("closed enums in webhook requests, found in the spec", () => {
  test("include a contact's `contactType` and a status's `status`, not the notification's open `type`", () => {
    const where = cases.map(({ root, template }) => `${root}${template}`);
    expect(where).not.toContain("InBoundWrapper/type");
    expect(where).toEqual(
      expect.arrayContaining([
        "InBoundWrapper/contacts/*/contactType",
        "InBoundWrapper/statuses/*/status",
        "InBoundContact/contactType",
      ]),
    );
    expect(UNLISTED).not.toBeOneOf(cases.flatMap(({ values }) => values));
  });

  for (const { where, examples, template } of cases) {
    describe(where, () => {
      test("lenient (the default): an unlisted value gets 200 and the handler is called", async () => {
        const { body } = exampleWithUnlisted(examples, template);
        for (const mode of ["lenient", undefined] as const) {
          const { webhooks, calls } = receiver(mode);
          const response = await webhooks.handle(webhookRequest(body));
          expect(response.status, String(mode)).toBe(200);
          expect(calls(), String(mode)).toBeGreaterThan(0);
        }
      });

      test("strict: an unlisted value gets 400 with its JSON pointer, and no handler", async () => {
        const { body, pointer } = exampleWithUnlisted(examples, template);
        const { webhooks, calls } = receiver("strict");
        const response = await webhooks.handle(webhookRequest(body));
        expect(response.status).toBe(400);
        const answer = (await response.json()) as { errors: { pointer: string }[] };
        expect(answer.errors.map((issue) => issue.pointer)).toContain(pointer);
        expect(calls()).toBe(0);
      });

      test("lenient: a value of another JSON type that does not convert losslessly gets 400 pointing at it", async () => {
        const { body: unlisted, pointer } = exampleWithUnlisted(examples, template);
        const body = setAt(unlisted, pointer, { value: 7 });
        const { webhooks, calls } = receiver("lenient");
        const response = await webhooks.handle(webhookRequest(body));
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({
          errors: expect.arrayContaining([{ pointer, message: "must be string" }]),
        });
        expect(calls()).toBe(0);
      });
    });
  }
});

describe("the contact-info answer keeps every enum the spec lists, in both modes", () => {
  const answerEnums = enumLocations("ContactInfoUpdate");

  test("the answer has enums to keep", () => {
    expect(answerEnums.length).toBeGreaterThan(0);
  });

  test.each(answerEnums.map(({ template }) => template))(
    "%s: an unlisted value is refused",
    (template) => {
      const { body, pointer } = exampleWithUnlisted(contactInfoRequestResponseExamples, template);
      for (const mode of ["lenient", "strict", false] as const) {
        expect(validateAnswer(mode, body), String(mode)).toEqual([
          expect.objectContaining({ pointer }),
        ]);
      }
    },
  );
});
