// Stands in for @mehery/xms-types when the golden files of the mini-xms fixture are
// type-checked (tsconfig.json maps the package name here): the webhook-types golden output must
// compile against the types golden output, as the real packages do.
export type {
  components,
  operations,
  paths,
  webhooks,
} from "./__golden__/mini-xms/types/src/generated/openapi.js";
export type * from "./__golden__/mini-xms/types/src/generated/schemas.js";
export type * from "./__golden__/mini-xms/types/src/generated/operation-types.js";
