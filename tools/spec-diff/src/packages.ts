/**
 * Which published packages a change reaches. One table, so it is easy to keep in step with
 * tools/codegen (what each package generates from the spec):
 *
 * - `@mehery/xms-types` holds openapi-typescript's output for the whole document (`paths`,
 *   `webhooks`, `components`, with JSDoc from descriptions, summaries, titles, examples, defaults
 *   and formats), a type alias per component schema and the per-operation helper types.
 * - `@mehery/xms-client` holds the resources table (method names, paths, idempotency, operation
 *   summaries as JSDoc) and types its methods with the request and response types.
 * - `@mehery/xms-webhook-types` and `@mehery/xms-webhooks` type and handle the webhooks: their
 *   event names, payloads and the answers a handler returns.
 */
export const PACKAGES = {
  types: "@mehery/xms-types",
  client: "@mehery/xms-client",
  webhookTypes: "@mehery/xms-webhook-types",
  webhooks: "@mehery/xms-webhooks",
} as const;

export type PackageName = (typeof PACKAGES)[keyof typeof PACKAGES];

/** Where in the document a change is. */
export type Surface = "paths" | "webhooks" | "components" | "document";

/**
 * What a change touches in the generated code:
 * - `structure`: types (shapes, names, enums, required-ness);
 * - `docs`: JSDoc of the openapi-typescript output only (descriptions, examples, ...);
 * - `summary`: an operation summary, which is also the JSDoc of the client method or event;
 * - `client`: client behaviour only (method names, resources, retries, servers, auth);
 * - `events`: webhook event names and the notification model (`x-sdk-items`);
 * - `receiver`: the webhooks receiver's routes only (`x-webhook-path`);
 * - `none`: nothing any package generates (info, tags, media-type examples).
 */
export type Touch = "structure" | "docs" | "summary" | "client" | "events" | "receiver" | "none";

const { types, client, webhookTypes, webhooks } = PACKAGES;

const TABLE: Record<Surface, Record<Touch, PackageName[]>> = {
  paths: {
    structure: [types, client],
    docs: [types],
    summary: [types, client],
    client: [client],
    events: [],
    receiver: [],
    none: [],
  },
  webhooks: {
    structure: [types, webhookTypes, webhooks],
    docs: [types],
    summary: [types, webhookTypes],
    client: [],
    events: [webhookTypes, webhooks],
    receiver: [webhooks],
    none: [],
  },
  components: {
    structure: [types],
    docs: [types],
    summary: [types],
    client: [],
    events: [],
    receiver: [],
    none: [],
  },
  document: {
    structure: [types],
    docs: [types],
    summary: [types],
    client: [client],
    events: [],
    receiver: [],
    none: [],
  },
};

/** The packages a change of this kind, at this place, reaches. */
export function packagesFor(surface: Surface, touch: Touch): PackageName[] {
  return TABLE[surface][touch];
}
