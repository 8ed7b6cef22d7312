import type { SchemaObject, TransformNodeOptions } from "openapi-typescript";
import type { TypeElement, TypeLiteralNode, TypeNode } from "typescript";
import ts from "../typescript-cjs.js";
import { transformSchemaObject } from "../openapi-typescript/transforms.js";

/** The property names of `anyOf: [{ required: [a] }, { required: [b] }, ...]`, else undefined. */
export function requiredOneOf(schema: SchemaObject): string[] | undefined {
  const anyOf = (schema as { anyOf?: unknown[] }).anyOf;
  const properties = (schema as { properties?: Record<string, unknown> }).properties;
  if (!Array.isArray(anyOf) || anyOf.length < 2 || properties === undefined) return undefined;
  const names: string[] = [];
  for (const branch of anyOf) {
    if (typeof branch !== "object" || branch === null) return undefined;
    const keys = Object.keys(branch);
    const required = (branch as { required?: unknown }).required;
    if (keys.length !== 1 || !Array.isArray(required) || required.length !== 1) return undefined;
    const name = required[0];
    if (typeof name !== "string" || !(name in properties)) return undefined;
    names.push(name);
  }
  return names;
}

function memberName(member: TypeElement): string | undefined {
  const name = member.name;
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** The object type with `name` no longer optional; every other member is kept as it is. */
function withRequired(object: TypeLiteralNode, name: string): TypeLiteralNode {
  return ts.factory.updateTypeLiteralNode(
    object,
    ts.factory.createNodeArray(
      object.members.map((member) =>
        ts.isPropertySignature(member) && memberName(member) === name
          ? ts.factory.updatePropertySignature(
              member,
              member.modifiers,
              member.name,
              undefined,
              member.type,
            )
          : member,
      ),
    ),
  );
}

/**
 * Renders an object that must name one of several properties (`anyOf` of one-property
 * `required` lists, e.g. OutBoundContact: contactId, phone or email) as a union of the same
 * object type, each member with one of those properties required.
 *
 * openapi-typescript renders such an `anyOf` as `{ ... } | unknown | unknown`, which is
 * `unknown`: `to: {}` would compile. The union keeps the hover a plain list of fields.
 *
 * Used as openapi-typescript's `transform` hook; returns undefined for every other schema.
 */
export function transformRequiredOneOf(
  schema: SchemaObject,
  options: TransformNodeOptions,
): TypeNode | undefined {
  const names = requiredOneOf(schema);
  if (names === undefined) return undefined;
  const { anyOf: _anyOf, ...object } = schema as SchemaObject & { anyOf?: unknown };
  const base = transformSchemaObject(object as SchemaObject, options);
  if (!ts.isTypeLiteralNode(base)) {
    throw new Error(
      `xms-codegen: ${options.path ?? "a schema"} with anyOf of required properties must render as an object type`,
    );
  }
  return ts.factory.createUnionTypeNode(names.map((name) => withRequired(base, name)));
}
