/**
 * Lossless type conversion for the lenient webhook validators.
 *
 * The published reference renders numeric-looking strings as numbers (`"contactId": 1234567`),
 * and the platform may send what its reference shows. So the lenient variant of the REQUEST
 * validators accepts a value of another JSON type when it converts to the declared type without
 * loss, and converts it in place, so handlers get the declared type:
 *
 * - a boolean, or a number whose text is exact (not an integer beyond 2^53), where a string is
 *   declared: `1234567` → `"1234567"`, `true` → `"true"`;
 * - a string that is the canonical text of a finite number where a number (an integer) is
 *   declared: `"156753339076"` → `156753339076` (but not `"1.0"`, `"01"`, `" 1"`, `"NaN"`).
 *
 * Nothing else converts: not null (ajv's `coerceTypes` would make it `""` or `0`), not arrays
 * or objects, not booleans to numbers. That is why this is a keyword of ours rather than
 * `coerceTypes`, which has no lossless-only setting. An object (array) schema converts its
 * scalar properties (items) just before `properties` (`items`) validates them, so the usual
 * `type` keyword then checks the converted value and reports what did not convert. Never in an
 * `if` or `not`, which only test.
 *
 * The generated code tests each value's JSON type inline and calls the conversion only for a
 * value of another type: a delivery whose values have their declared types (nearly all) pays a
 * `typeof` per property. Calling the conversion for every object and array, with its table of
 * targets, doubled the lenient validator's time (5.0 → 2.4 µs on the bench's notification).
 */
import { createRequire } from "node:module";
import type { CodeKeywordDefinition, KeywordCxt } from "ajv";

const require = createRequire(import.meta.url);
const { _, not, or, stringify } =
  require("ajv/dist/compile/codegen/index.js") as typeof import("ajv/dist/compile/codegen/index.js");
type Code = import("ajv/dist/compile/codegen/index.js").Code;

import { isObject, type Json, type JsonObject } from "./json-schema.js";

/** Keywords on object and array schemas: what to convert, by property name or for every item. */
export const LOSSLESS_PROPERTIES = "xmsLosslessProperties";
export const LOSSLESS_ITEMS = "xmsLosslessItems";

/** Where the generated code finds the conversion: replaced by LOSSLESS_SOURCE (inlineRuntime). */
export const LOSSLESS_RUNTIME = "lossless";

/**
 * The conversion the generated code runs on one value, `container[key]` (an object's own
 * property or an array's item), declared as `types`; the generated code calls it only when the
 * value's JSON type is not a declared one. Kept as source text, so that the generated file does
 * not depend on how this module was transpiled; `lossless` is the same function, for ajv's
 * in-process compilation.
 */
export const LOSSLESS_SOURCE = `function lossless(container, key, types) {
  if (!Object.prototype.hasOwnProperty.call(container, key)) return;
  const value = container[key];
  const type = typeof value;
  if (type === "boolean" || type === "number") {
    if (!types.includes("string") || types.includes(type)) return;
    if (type === "number" && types.includes("integer") && Number.isInteger(value)) return;
    // A number's text is exact unless it is an integer past 2^53 (JSON.parse rounded it).
    if (type === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)) return;
    container[key] = String(value);
    return;
  }
  if (type !== "string" || types.includes("string")) return;
  const number = Number(value);
  // Canonical text only: the number prints back as the very same string.
  if (!Number.isFinite(number) || String(number) !== value) return;
  if (types.includes("number") || (types.includes("integer") && Number.isInteger(number))) {
    container[key] = number;
  }
}`;

export const lossless = new Function(`return ${LOSSLESS_SOURCE}`)() as (
  container: unknown,
  key: string | number,
  types: readonly string[],
) => void;

/**
 * Whether a value has one of the declared JSON types, as `lossless` would leave it: a test that
 * never holds for a value `lossless` converts (so skipping the call changes nothing).
 */
function declaredTypeTest(value: Code, types: readonly string[]): Code {
  const tests = types.map((type) => {
    if (type === "null") return _`${value} === null`;
    if (type === "array") return _`Array.isArray(${value})`;
    if (type === "integer") return _`Number.isInteger(${value})`;
    return _`typeof ${value} === ${type}`;
  });
  return or(...tests);
}

function keyword(name: string, type: "object" | "array", before: string): CodeKeywordDefinition {
  return {
    keyword: name,
    type,
    schemaType: type,
    before,
    code(cxt: KeywordCxt) {
      const { gen, data } = cxt;
      const convert = gen.scopeValue("func", {
        ref: lossless,
        code: _`require(${`ajv/dist/runtime/${LOSSLESS_RUNTIME}`}).default`,
      });
      // Only a value of another JSON type than the declared ones is handed to the conversion.
      // Each list of declared types is one module-level constant, shared by every call site.
      const check = (key: Code, types: readonly string[]): void => {
        const declared = gen.scopeValue("obj", {
          ref: types,
          key: types.join(),
          code: stringify(types),
        });
        gen.if(not(declaredTypeTest(_`${data}[${key}]`, types)), () =>
          gen.code(_`${convert}(${data}, ${key}, ${declared})`),
        );
      };
      if (type === "array") {
        const types = cxt.schema as string[];
        const index = gen.let("i", 0);
        gen.for(_`; ${index} < ${data}.length; ${index}++`, () => check(index, types));
        return;
      }
      for (const [key, types] of Object.entries(cxt.schema as Record<string, string[]>)) {
        check(stringify(key), types);
      }
    },
  };
}

/** The two keywords, for ajv.addKeyword(). */
export const losslessKeywords = [
  keyword(LOSSLESS_PROPERTIES, "object", "properties"),
  keyword(LOSSLESS_ITEMS, "array", "items"),
];

const CONVERTIBLE = ["string", "number", "integer"];

/**
 * The definitions, each object schema given what to convert of its properties and each array
 * schema of its items (conditions excepted, see above): the properties whose schema (or the
 * definition it names) declares a string, number or integer type.
 */
export function losslessTypes(defs: Record<string, Json>): Record<string, Json> {
  const scalarTypes = (schema: Json | undefined, seen: readonly string[] = []): string[] => {
    if (!isObject(schema)) return [];
    const ref = schema["$ref"];
    if (typeof ref === "string") {
      const name = ref.slice(ref.lastIndexOf("/") + 1);
      return seen.includes(name) ? [] : scalarTypes(defs[name], [...seen, name]);
    }
    const type = schema["type"];
    const types = (Array.isArray(type) ? type : [type]).filter((t) => typeof t === "string");
    return types.some((t) => CONVERTIBLE.includes(t)) ? types : [];
  };
  const convert = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(convert);
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "if" || key === "not") out[key] = value;
      else if ((key === "properties" || key === "patternProperties") && isObject(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
      } else if (key === "enum" || key === "const" || key === "required") out[key] = value;
      else out[key] = convert(value);
    }
    const properties = node["properties"];
    if (isObject(properties)) {
      const targets = Object.fromEntries(
        Object.entries(properties).flatMap(([name, schema]) => {
          const types = scalarTypes(schema);
          return types.length ? [[name, types]] : [];
        }),
      );
      if (Object.keys(targets).length) out[LOSSLESS_PROPERTIES] = targets;
    }
    const items = scalarTypes(node["items"]);
    if (items.length) out[LOSSLESS_ITEMS] = items;
    return out;
  };
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, convert(def)]));
}
