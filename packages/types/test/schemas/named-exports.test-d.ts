import { describe, expectTypeOf, test } from "vitest";
// schema-exports.ts gathers every named schema export into one interface keyed by schema name.
// It is generated alongside the exports: a schema left without an export, or an export that
// points at another schema, makes the two sides below differ.
import type { SchemaExports } from "../../src/generated/schema-exports.js";
import type * as Types from "../../src/index.js";
import type { components } from "../../src/index.js";

describe("every schema has a named export", () => {
  test("one export per schema of components.schemas, and no other", () => {
    expectTypeOf<keyof SchemaExports>().toEqualTypeOf<keyof components["schemas"]>();
  });

  test("each export is its schema", () => {
    expectTypeOf<SchemaExports>().toEqualTypeOf<components["schemas"]>();
  });

  test("the exports are reachable from the package entry", () => {
    expectTypeOf<Types.OutBoundMsg>().toEqualTypeOf<components["schemas"]["OutBoundMsg"]>();
    expectTypeOf<Types.HSMTemplateDoc>().toEqualTypeOf<components["schemas"]["HSMTemplateDoc"]>();
    expectTypeOf<Types.ChatMessageDTO>().toEqualTypeOf<components["schemas"]["ChatMessageDTO"]>();
  });
});
