import type { SchemaObject } from "openapi-typescript";
import ts from "typescript";

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
export function transformOpenEnum(schema: SchemaObject): ts.TypeNode | undefined {
  const anyOf = (schema as { anyOf?: unknown[] }).anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return undefined;
  const known = anyOf.find(
    (s): s is { enum: string[] } =>
      typeof s === "object" &&
      s !== null &&
      Array.isArray((s as { enum?: unknown }).enum) &&
      (s as { enum: unknown[] }).enum.every((v) => typeof v === "string"),
  );
  const plain = anyOf.find(
    (s) =>
      typeof s === "object" &&
      s !== null &&
      (s as { type?: unknown }).type === "string" &&
      Object.keys(s).length === 1,
  );
  if (!known || !plain) return undefined;
  const { factory } = ts;
  return factory.createUnionTypeNode([
    ...known.enum.map((value) => factory.createLiteralTypeNode(factory.createStringLiteral(value))),
    factory.createParenthesizedType(
      factory.createIntersectionTypeNode([
        factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
        factory.createTypeLiteralNode([]),
      ]),
    ),
  ]);
}
