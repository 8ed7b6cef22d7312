/** A `oneOf` told apart by one property (`discriminator`), read the same way by every tool. */
import { isObject, resolve, type JsonObject } from "../json.js";

export interface DiscriminatorBranch {
  /** The value of the property that selects this branch. */
  value: string;
  /** The `$ref` the mapping names, when it names one. */
  ref: string | undefined;
  /** Index of the branch in `oneOf` (-1: the mapping names a schema that is not a branch). */
  index: number;
  /** The branch schema (the `$ref` target when there is a document to follow it in). */
  schema: unknown;
}

export interface DiscriminatorInfo {
  propertyName: string;
  branches: DiscriminatorBranch[];
}

/** The `const` (or one-value `enum`) a branch gives `property`, looking into its `allOf` parts. */
function constOf(
  branch: unknown,
  property: string,
  document: JsonObject | undefined,
): string | undefined {
  const schema = document ? resolve<unknown>(document, branch) : branch;
  if (!isObject(schema)) return undefined;
  const own = isObject(schema["properties"]) ? schema["properties"][property] : undefined;
  const target = document ? resolve<unknown>(document, own) : own;
  if (isObject(target)) {
    if (typeof target["const"] === "string") return target["const"];
    const values = target["enum"];
    if (Array.isArray(values) && values.length === 1 && typeof values[0] === "string")
      return values[0];
  }
  const parts = Array.isArray(schema["allOf"]) ? schema["allOf"] : [];
  for (const part of parts) {
    const found = constOf(part, property, document);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The branches of a discriminated `oneOf`: from `discriminator.mapping` when there is one (in its
 * order), else from each branch's `const` for the property. Branches are matched to the mapping
 * by `$ref` text, or by identity once dereferenced. Undefined when `schema` has no discriminator.
 */
export function discriminatorOf(
  schema: unknown,
  document?: JsonObject,
): DiscriminatorInfo | undefined {
  const target = document ? resolve<unknown>(document, schema) : schema;
  if (!isObject(target) || !isObject(target["discriminator"])) return undefined;
  const propertyName = target["discriminator"]["propertyName"];
  if (typeof propertyName !== "string") return undefined;
  const oneOf = Array.isArray(target["oneOf"]) ? target["oneOf"] : [];
  const mapping = target["discriminator"]["mapping"];
  if (isObject(mapping)) {
    const branches = Object.entries(mapping).flatMap(([value, ref]) => {
      if (typeof ref !== "string") return [];
      const index = oneOf.findIndex((branch) => isObject(branch) && branch["$ref"] === ref);
      const schemaOf = document ? resolve<unknown>(document, { $ref: ref }) : oneOf[index];
      const byIdentity = index >= 0 ? index : oneOf.indexOf(schemaOf);
      return [{ value, ref, index: byIdentity, schema: schemaOf }];
    });
    return { propertyName, branches };
  }
  const branches = oneOf.flatMap((branch, index) => {
    const value = constOf(branch, propertyName, document);
    if (value === undefined) return [];
    const ref = isObject(branch) && typeof branch["$ref"] === "string" ? branch["$ref"] : undefined;
    return [{ value, ref, index, schema: document ? resolve<unknown>(document, branch) : branch }];
  });
  return { propertyName, branches };
}

/** The branch `value` selects, or undefined. */
export function branchFor(
  info: DiscriminatorInfo,
  value: unknown,
): DiscriminatorBranch | undefined {
  return typeof value === "string" ? info.branches.find((b) => b.value === value) : undefined;
}
