// The benchmark consumer's view of the API types. Here: @mehery/xms-types' source. The benchmark
// copies consumer.ts next to other versions of this file (plain openapi-typescript output).
export type {
  components,
  operations,
  paths,
  webhooks,
} from "../../../../packages/types/src/index.js";
