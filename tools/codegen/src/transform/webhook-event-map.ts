import type { ReferenceObject, SchemaObject } from "openapi-typescript";
import { jsdoc, literal } from "../names.js";
import { enumOf } from "../read/enums.js";
import { itemKindsOf, notificationWebhook, type ItemKind } from "../read/notification.js";
import type { OperationInfo } from "../read/operations.js";
import { isRef, resolve, schemaNameOf } from "../read/refs.js";
import type { OpenAPIDocument } from "../spec.js";

interface EventEntry {
  name: string;
  type: string;
  doc: string;
}

interface EventMap {
  entries: EventEntry[];
  /** Schema names the map refers to, for the import. */
  imports: Set<string>;
  /** `as const` lists: name → values, with the schema the values satisfy. */
  lists: { name: string; values: string[]; of: string; doc: string }[];
  kinds: { kind: string; property: string }[];
}

/**
 * The suffix of the event that gets a kind's items whose sub-event value its closed enum does
 * not list (`message.unlisted`). A convention of the dispatcher in @mehery/xms-webhooks, not of
 * the spec: lenient validation lets such an item through, and the kind's own event promises
 * only the listed union (so that handlers can narrow on it). The reference's values are
 * lowercase content kinds (`text`, `template`...) and uppercase status codes, never this word;
 * should the spec ever list it, generation fails rather than merge two events.
 */
export const UNLISTED = "unlisted";

/** Adds `<kind>.unlisted` after a kind's values, when its enum is closed. */
function addUnlisted(
  map: EventMap,
  item: ItemKind,
  itemSchemaName: string,
  field: string,
  enumName: string,
  values: readonly string[],
) {
  if (values.includes(UNLISTED))
    fail(`${enumName} lists "${UNLISTED}", the name of the dispatcher's ${item.kind}.${UNLISTED}`);
  map.entries.push({
    name: `${item.kind}.${UNLISTED}`,
    type: `Omit<${itemSchemaName}, ${literal(field)}> & { ${field}: string & {} }`,
    doc: `An item of \`${item.property}\` whose \`${field}\` ${enumName} does not list (yet), with the fields every item shares. Not an event of the spec: lenient validation lets such an item through, and the dispatcher of @mehery/xms-webhooks hands it here (and to \`onAny\`), never to \`${item.kind}\`, whose handlers get exactly the listed ones.`,
  });
}

function fail(message: string): never {
  throw new Error(`xms-codegen webhook-types: ${message}`);
}

function schemaOf(spec: OpenAPIDocument, name: string): SchemaObject {
  const schema = spec.components?.schemas?.[name];
  if (!schema) fail(`no schema ${name}`);
  return resolve<SchemaObject>(spec, schema);
}

function propertiesOf(schema: SchemaObject): Record<string, SchemaObject | ReferenceObject> {
  return (
    (schema as { properties?: Record<string, SchemaObject | ReferenceObject> }).properties ?? {}
  );
}

function jsonBodyRef(op: OperationInfo): string {
  const media = op.requestBody?.content?.["application/json"];
  const schema = media && !isRef(media) ? media.schema : undefined;
  if (!schema || !isRef(schema))
    fail(`${op.key}: the JSON request body must be a $ref to a schema`);
  return schemaNameOf(schema.$ref);
}

/** Expands one kind of notification item into `kind` and `kind.<value>` entries. */
function expandKind(spec: OpenAPIDocument, wrapper: SchemaObject, item: ItemKind, map: EventMap) {
  const property = propertiesOf(wrapper)[item.property];
  const items = property && !isRef(property) ? (property as { items?: unknown }).items : undefined;
  if (!items || !isRef(items)) fail(`${item.property} must be an array of a $ref'd schema`);
  const itemSchemaName = schemaNameOf(items.$ref);
  const itemSchema = schemaOf(spec, itemSchemaName);
  map.kinds.push({ kind: item.kind, property: item.property });
  map.imports.add(itemSchemaName);
  map.entries.push({
    name: item.kind,
    type: itemSchemaName,
    doc: `Each item of \`${item.property}\` of a message notification.`,
  });
  if (!item.split) return;

  if (item.split.by === "discriminator") {
    const discriminator = (
      itemSchema as { discriminator?: { propertyName: string; mapping?: Record<string, string> } }
    ).discriminator;
    if (!discriminator?.mapping) fail(`${itemSchemaName} has no discriminator mapping`);
    const values = enumOf(spec, { $ref: `#/components/schemas/${item.split.values}` });
    if (!values) fail(`${item.split.values} is not a string enum`);
    const unmapped = Object.keys(discriminator.mapping).filter((k) => !values.values.includes(k));
    if (unmapped.length)
      fail(`${itemSchemaName} maps ${unmapped.join(", ")}, which ${item.split.values} lacks`);
    for (const value of values.values) {
      const ref = discriminator.mapping[value];
      if (!ref)
        fail(
          `${itemSchemaName}'s discriminator maps no schema for ${item.split.values} "${value}"`,
        );
      const branch = schemaNameOf(ref);
      map.imports.add(branch);
      map.entries.push({
        name: `${item.kind}.${value}`,
        type: branch,
        doc: `An item of \`${item.property}\` whose \`${discriminator.propertyName}\` is "${value}".`,
      });
    }
    if (!values.open) {
      const field = discriminator.propertyName;
      addUnlisted(map, item, itemSchemaName, field, item.split.values, values.values);
    }
    if (item.valuesName) {
      map.imports.add(item.split.values);
      map.lists.push({
        name: item.valuesName,
        values: values.values,
        of: item.split.values,
        doc: `Every \`${discriminator.propertyName}\` of {@link ${itemSchemaName}}: the \`${item.kind}.<${discriminator.propertyName}>\` events.`,
      });
    }
    return;
  }

  const field = propertiesOf(itemSchema)[item.split.field];
  if (!field || !isRef(field))
    fail(`${itemSchemaName}.${item.split.field} must be a $ref to an enum schema`);
  const enumName = schemaNameOf(field.$ref);
  const values = enumOf(spec, field);
  if (!values) fail(`${enumName} is not a string enum`);
  for (const value of values.values) {
    map.entries.push({
      name: `${item.kind}.${value}`,
      type: `${itemSchemaName} & { ${item.split.field}: ${literal(value)} }`,
      doc: `An item of \`${item.property}\` whose \`${item.split.field}\` is "${value}".`,
    });
  }
  if (!values.open)
    addUnlisted(map, item, itemSchemaName, item.split.field, enumName, values.values);
  if (item.valuesName) {
    map.imports.add(enumName);
    map.lists.push({
      name: item.valuesName,
      values: values.values,
      of: enumName,
      doc: values.open
        ? `The known values of {@link ${enumName}}: the \`${item.kind}.<${item.split.field}>\` events. Other codes still reach \`${item.kind}\`.`
        : `Every value of {@link ${enumName}}: the \`${item.kind}.<${item.split.field}>\` events.`,
    });
  }
}

/**
 * The webhooks → every event a handler can subscribe to. The webhook whose `x-sdk-items` lists
 * the notification item arrays expands into the item kinds; any other webhook is one event, named
 * by its `x-event-name`.
 */
export function buildEventMap(
  spec: OpenAPIDocument,
  ops: OperationInfo[],
  kinds: readonly ItemKind[] = itemKindsOf(spec, ops),
): EventMap {
  // The kinds are the spec's (`x-sdk-items` of the notification webhook).
  const notification = notificationWebhook(ops);
  const map: EventMap = { entries: [], imports: new Set(), lists: [], kinds: [] };
  for (const op of ops.filter((o) => o.source === "webhooks")) {
    const payloadName = jsonBodyRef(op);
    const payload = schemaOf(spec, payloadName);
    if (op === notification) {
      for (const kind of kinds) expandKind(spec, payload, kind, map);
      continue;
    }
    const eventName = (op.operation as Record<string, unknown>)["x-event-name"];
    if (typeof eventName !== "string") fail(`webhook ${op.key} has no x-event-name`);
    map.imports.add(payloadName);
    map.entries.push({
      name: eventName,
      type: payloadName,
      doc: `The payload of the \`${op.key}\` webhook${op.operation.summary ? ` (${op.operation.summary})` : ""}.`,
    });
  }
  const seen = new Set<string>();
  for (const { name } of map.entries) {
    if (seen.has(name)) fail(`two events are named ${name}`);
    seen.add(name);
  }
  return map;
}

/** The event map, its name list and the value lists, as TypeScript source. */
export function transformEventMap(map: EventMap, typesModule: string): string {
  const imports = [...map.imports].sort();
  const lists = map.lists.map(
    (l) =>
      `${jsdoc(l.doc)}export const ${l.name} = [${l.values.map(literal).join(", ")}] as const satisfies readonly ${l.of}[];`,
  );
  const kinds = map.kinds.map((k) => `  ${k.kind}: ${literal(k.property)},`).join("\n");
  const names = map.entries.map((e) => `  ${literal(e.name)},`).join("\n");
  const members = map.entries
    .map((e) => `${jsdoc(e.doc, "  ")}  ${literal(e.name)}: ${e.type};`)
    .join("\n");
  return `import type { ${imports.join(", ")} } from "${typesModule}";

${lists.join("\n\n")}

/** Which property of a message notification (InBoundWrapper) holds each kind of item. */
export const notificationItemKinds = {
${kinds}
} as const;

/** A kind of item a message notification carries: ${map.kinds.map((k) => `\`${k.kind}\``).join(", ")}. */
export type NotificationItemKind = keyof typeof notificationItemKinds;

/** Every event a webhook handler can subscribe to, in the order of {@link WebhookEventMap}. */
export const webhookEventNames = [
${names}
] as const;

/** The name of an event a webhook handler can subscribe to. */
export type WebhookEventName = (typeof webhookEventNames)[number];

/** Each event's payload, by event name. */
export interface WebhookEventMap {
${members}
}
`;
}
