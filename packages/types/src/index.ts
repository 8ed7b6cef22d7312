// The public surface of @mehery/xms-types. Everything under generated/ comes from
// spec/openapi.yaml through tools/codegen; this file only chooses what is exported.

// openapi-typescript's output, as openapi-fetch expects it (`createClient<paths>()`).
// Deliberately not exported: generated/schema-exports.ts (a test fixture of the generator).
export type { components, operations, paths, webhooks } from "./generated/openapi.js";

// One named type per schema of components.schemas: `OutBoundMsg`, `InBoundWrapper`, ...
export type * from "./generated/schemas.js";

// Per operation: `<OpId>Body`, `<OpId>Query`, `<OpId>Response`; per webhook: `<OpId>Payload`.
export type * from "./generated/operation-types.js";

// `as const` lists of the values of each enum schema: `contactTypes`, `outBoundMsgTypes`, ...
export * from "./generated/enum-values.js";
