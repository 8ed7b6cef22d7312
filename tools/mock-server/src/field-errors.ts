import { branchFor, discriminatorOf } from "@mehery/xms-spec-model";
import type { ErrorObject } from "ajv";
import { isObject, type JsonObject } from "./spec.js";

/** One entry of `errors` in an ApiErrorResponse (components/schemas/ApiFieldError). */
export interface FieldError {
  /** Where the problem is: `body.to.phone`, `body.contacts[0].name`, `query.sabdnox`, `header.x-api-id`. */
  readonly field: string;
  /** The JSON Schema keyword that failed (`required`, `type`, `enum`, `format`, ...), or `json`, `mediaType`. */
  readonly code: string;
  readonly description: string;
  readonly possibleValues?: readonly unknown[];
}

/**
 * What the validator saw: the same layout openapi-backend validates, `{ requestBody, query,
 * header, path }`, for the schemas and for the data, so an error's `schemaPath` and
 * `instancePath` can be followed back into both.
 */
export interface ValidationSubject {
  readonly document: JsonObject;
  readonly schema: JsonObject;
  readonly data: JsonObject;
}

const locationNames: Readonly<Record<string, string>> = {
  requestBody: "body",
  query: "query",
  header: "header",
  path: "path",
  cookie: "cookie",
};

/**
 * Turns Ajv's errors into ApiFieldErrors that name the field at fault.
 *
 * Ajv knows nothing of `discriminator`: a `oneOf` that fails reports every branch (for an
 * image message without `image`, "text is required", "video is required", ...). Where the
 * `oneOf` has a discriminator, the branch that the discriminator value selects is the only
 * one the client meant, so the errors of the other branches are dropped, and an unknown or
 * missing discriminator value becomes one error on that property.
 */
export function toFieldErrors(
  errors: readonly ErrorObject[],
  subject: ValidationSubject,
): FieldError[] {
  const kept = collapseRequiredAnyOf(narrowDiscriminatedOneOf(errors, subject));
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of kept) {
    const fieldError = describe(error, subject.data);
    const key = `${fieldError.field}\u0000${fieldError.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(fieldError);
  }
  return result;
}

/**
 * `anyOf: [{ required: [contactId] }, { required: [phone] }, ...]` fails with one "required"
 * per branch plus the `anyOf` itself; the client needs one sentence: `body.to` must have one
 * of contactId, phone, email. Other `anyOf` failures are left as they are.
 */
function collapseRequiredAnyOf(errors: readonly ErrorObject[]): ErrorObject[] {
  let result = [...errors];
  for (const error of errors) {
    if (error.keyword !== "anyOf") continue;
    const prefix = `${error.schemaPath}/`;
    const branches = result.filter((other) => other.schemaPath.startsWith(prefix));
    const onlyRequired = branches.every(
      (other) =>
        other.keyword === "required" &&
        /^\d+\/required$/.test(other.schemaPath.slice(prefix.length)) &&
        other.instancePath === error.instancePath,
    );
    if (branches.length === 0 || !onlyRequired) continue;
    const names = branches.map((other) => String(other.params["missingProperty"]));
    result = result.filter((other) => other !== error && !branches.includes(other));
    result.push({
      keyword: "requiredOneOf",
      instancePath: error.instancePath,
      schemaPath: error.schemaPath,
      params: { names },
      message: `must have one of ${names.join(", ")}`,
    });
  }
  return result;
}

function narrowDiscriminatedOneOf(
  errors: readonly ErrorObject[],
  subject: ValidationSubject,
): ErrorObject[] {
  let result = [...errors];
  for (const error of errors) {
    if (error.keyword !== "oneOf") continue;
    const owner = followPointer(
      subject.schema,
      error.schemaPath.replace(/^#/, "").slice(0, -"/oneOf".length),
    );
    // The spec model's reading of the discriminator: its mapping (followed, by identity, to the
    // branch in `oneOf`), or without one each branch's `const`.
    const info = isObject(owner) ? discriminatorOf(owner, subject.document) : undefined;
    const branches = isObject(owner) ? owner["oneOf"] : undefined;
    if (!info || !Array.isArray(branches)) continue;
    const { propertyName } = info;

    const instance = followPointer(subject.data, error.instancePath);
    const value = isObject(instance) ? instance[propertyName] : undefined;
    const chosen = branchFor(info, value)?.index ?? -1;
    const branchPrefix = `${error.schemaPath}/`;
    // With no branch selected, what every branch reports (`to` is empty, say) is still wrong.
    const common = chosen < 0 ? commonToAllBranches(result, branchPrefix, branches.length) : [];
    result = result.filter(
      (other) =>
        other !== error &&
        (!other.schemaPath.startsWith(branchPrefix) ||
          (chosen >= 0 && other.schemaPath.startsWith(`${branchPrefix}${chosen}/`))),
    );
    if (chosen < 0) {
      const allowedValues = info.branches.map((branch) => branch.value);
      result.push(
        {
          keyword: value === undefined ? "required" : "enum",
          instancePath:
            value === undefined
              ? error.instancePath
              : `${error.instancePath}/${escapePointer(propertyName)}`,
          schemaPath: `${error.schemaPath}/discriminator`,
          params: value === undefined ? { missingProperty: propertyName } : { allowedValues },
          message:
            value === undefined
              ? `must have required property '${propertyName}'`
              : "must be equal to one of the allowed values",
        },
        ...common,
      );
    }
  }
  return result;
}

/** One error of each kind that every branch of the `oneOf` at `branchPrefix` reports alike. */
function commonToAllBranches(
  errors: readonly ErrorObject[],
  branchPrefix: string,
  branchCount: number,
): ErrorObject[] {
  const byKind = new Map<string, { error: ErrorObject; branches: Set<string> }>();
  for (const error of errors) {
    if (!error.schemaPath.startsWith(branchPrefix)) continue;
    const branch = error.schemaPath.slice(branchPrefix.length).split("/")[0] ?? "";
    const kind = `${error.instancePath}\u0000${error.keyword}\u0000${JSON.stringify(error.params)}`;
    const entry = byKind.get(kind) ?? { error, branches: new Set<string>() };
    entry.branches.add(branch);
    byKind.set(kind, entry);
  }
  return [...byKind.values()].filter((e) => e.branches.size === branchCount).map((e) => e.error);
}

function describe(error: ErrorObject, data: JsonObject): FieldError {
  const at = fieldName(error.instancePath, data);
  const params: Record<string, unknown> = error.params;
  const message = error.message ?? `fails ${error.keyword}`;
  switch (error.keyword) {
    case "required": {
      const field = join(at, String(params["missingProperty"]), data, error.instancePath);
      return { field, code: "required", description: `${field} is required` };
    }
    case "additionalProperties": {
      const field = join(at, String(params["additionalProperty"]), data, error.instancePath);
      return {
        field,
        code: "additionalProperties",
        description: `${field} is not defined by the spec`,
      };
    }
    case "enum": {
      const allowed = params["allowedValues"];
      return {
        field: at,
        code: "enum",
        description: `${at} ${message}`,
        ...(Array.isArray(allowed) ? { possibleValues: allowed } : {}),
      };
    }
    case "requiredOneOf":
      return {
        field: at,
        code: "required",
        description: `${at} ${message}`,
        possibleValues: params["names"] as unknown[],
      };
    case "const":
      return {
        field: at,
        code: "const",
        description: `${at} ${message}`,
        possibleValues: [params["allowedValue"]],
      };
    default:
      return { field: at, code: error.keyword, description: `${at} ${message}` };
  }
}

/** `/requestBody/contacts/0/name` → `body.contacts[0].name`. */
function fieldName(instancePath: string, data: JsonObject): string {
  const segments = splitPointer(instancePath);
  let name = "";
  let node: unknown = data;
  for (const [i, segment] of segments.entries()) {
    if (i === 0) name = locationNames[segment] ?? segment;
    else name = Array.isArray(node) ? `${name}[${segment}]` : `${name}.${segment}`;
    node = child(node, segment);
  }
  return name === "" ? "request" : name;
}

function join(at: string, property: string, data: JsonObject, instancePath: string): string {
  if (instancePath === "") return locationNames[property] ?? property;
  return Array.isArray(followPointer(data, instancePath))
    ? `${at}[${property}]`
    : `${at}.${property}`;
}

function splitPointer(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer
    .replace(/^\//, "")
    .split("/")
    .map((segment) => {
      const unescaped = segment.replace(/~1/g, "/").replace(/~0/g, "~");
      try {
        return decodeURIComponent(unescaped);
      } catch {
        return unescaped;
      }
    });
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function child(node: unknown, segment: string): unknown {
  if (Array.isArray(node)) return node[Number(segment)];
  if (isObject(node)) return node[segment];
  return undefined;
}

/** Follows a JSON pointer (`/a/b/0`) from `root`; undefined where it leads nowhere. */
function followPointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of splitPointer(pointer)) node = child(node, segment);
  return node;
}
