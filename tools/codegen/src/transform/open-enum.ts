import type { SchemaObject } from "openapi-typescript";
import { enumOf } from "@mehery/xms-spec-model";
import type { TypeNode } from "typescript";
import ts from "../typescript-cjs.js";

/**
 * Renders an *open enum* (`anyOf: [{ enum: [...] }, { type: string }]`, a string whose known
 * values are listed) as `"A" | "B" | (string & {})`.
 *
 * openapi-typescript renders it as `string | ("A" | "B")`, which TypeScript collapses to plain
 * `string`: the known values vanish from hovers and completions. `string & {}` is still any
 * string, but is not simplified away, so the literals stay visible.
 *
 * Used as openapi-typescript's `transform` hook; returns undefined for every other schema.
 */
export function transformOpenEnum(schema: SchemaObject): TypeNode | undefined {
  // openapi-typescript hands the schema as written: its `$ref`s are not followed, on purpose.
  const known = enumOf(schema);
  if (!known?.open) return undefined;
  const { factory } = ts;
  return factory.createUnionTypeNode([
    ...known.values.map((value) =>
      factory.createLiteralTypeNode(factory.createStringLiteral(value)),
    ),
    factory.createParenthesizedType(
      factory.createIntersectionTypeNode([
        factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
        factory.createTypeLiteralNode([]),
      ]),
    ),
  ]);
}
