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
 * `coerceTypes`, which has no lossless-only setting. Conversion happens inside the validator,
 * where the declared type is known (also inside discriminated unions), and only where a whole
 * value is described: never in an `if` or `not`, which only test.
 */
import { createRequire } from "node:module";
import type { Code, CodeKeywordDefinition, KeywordCxt, Name } from "ajv";

const require = createRequire(import.meta.url);
const { _, or, not } =
  require("ajv/dist/compile/codegen/index.js") as typeof import("ajv/dist/compile/codegen/index.js");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The keyword that replaces `type` in the lenient request schemas. */
export const LOSSLESS_TYPE = "xmsLosslessType";

const JSON_TYPES = ["string", "number", "integer", "boolean", "null", "object", "array"];

/** Keywords that would test the value before it is converted; none is on a webhook schema. */
const TYPE_SPECIFIC = [
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
];

function typeTest(type: string, data: Name): Code {
  switch (type) {
    case "string":
    case "boolean":
      return _`typeof ${data} == ${type}`;
    case "number":
      return _`typeof ${data} == "number"`;
    case "integer":
      return _`Number.isInteger(${data})`;
    case "null":
      return _`${data} === null`;
    case "array":
      return _`Array.isArray(${data})`;
    default:
      return _`(${data} && typeof ${data} == "object" && !Array.isArray(${data}))`;
  }
}

/**
 * The conversion the generated code runs: the value converted losslessly to a string
 * (`toString`) or a number (`toNumber`: 1 any, 2 integers only), or undefined when it does not
 * convert. Kept as source text, so that the generated file does not depend on how this module
 * was transpiled; `lossless` is the same function, for ajv's in-process compilation.
 */
export const LOSSLESS_SOURCE = `function lossless(value, toString, toNumber) {
  // A number's text is exact unless it is an integer past 2^53 (JSON.parse rounded it).
  if (toString && (typeof value === "boolean" || (typeof value === "number" && (Number.isSafeInteger(value) || !Number.isInteger(value))))) {
    return String(value);
  }
  if (toNumber && typeof value === "string") {
    const number = Number(value);
    // Canonical text only: the number prints back as the very same string.
    if (Number.isFinite(number) && String(number) === value && (toNumber === 1 || Number.isInteger(number))) return number;
  }
  return undefined;
}`;

export const lossless = new Function(`return ${LOSSLESS_SOURCE}`)() as (
  value: unknown,
  toString: boolean,
  toNumber: 0 | 1 | 2,
) => unknown;

/** Where the generated code finds lossless(): replaced by its source (see inlineRuntime). */
export const LOSSLESS_RUNTIME = "lossless";

/** `xmsLosslessType: [types]`: the value has one of the types, or converts to one losslessly. */
export const losslessTypeKeyword: CodeKeywordDefinition = {
  keyword: LOSSLESS_TYPE,
  schemaType: "array",
  error: {
    message: ({ schema }) => `must be ${(schema as string[]).join(",")}`,
    params: ({ schema }) => _`{type: ${(schema as string[]).join(",")}}`,
  },
  code(cxt: KeywordCxt) {
    const { gen, data, it } = cxt;
    const types = cxt.schema as string[];
    const toString = types.includes("string");
    const toNumber = types.includes("number") ? 1 : types.includes("integer") ? 2 : 0;
    gen.if(not(or(...types.map((type) => typeTest(type, data)))), () => {
      const convert = gen.scopeValue("func", {
        ref: lossless,
        code: _`require(${`ajv/dist/runtime/${LOSSLESS_RUNTIME}`}).default`,
      });
      const converted = gen.const("converted", _`${convert}(${data}, ${toString}, ${toNumber})`);
      cxt.fail(_`${converted} === undefined`);
      gen.if(_`${converted} !== undefined`, () => {
        gen.assign(data, converted);
        gen.if(_`${it.parentData} !== undefined`, () =>
          gen.assign(_`${it.parentData}[${it.parentDataProperty}]`, converted),
        );
      });
    });
  },
};

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The definitions with every `type` that names a string, number or integer replaced by the
 * lossless keyword (conditions excepted, see above). Throws on a keyword that would test the
 * raw value before its conversion (`minLength` on a string field, ...): add support first.
 */
export function losslessTypes(defs: Record<string, Json>): Record<string, Json> {
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
    const type = out["type"];
    const types = typeof type === "string" ? [type] : Array.isArray(type) ? type : [];
    if (!types.some((t) => t === "string" || t === "number" || t === "integer")) return out;
    if (!types.every((t) => typeof t === "string" && JSON_TYPES.includes(t))) {
      throw new Error(`xms-codegen webhooks: unknown type ${JSON.stringify(type)}`);
    }
    const specific = TYPE_SPECIFIC.find((keyword) => keyword in out);
    if (specific) {
      throw new Error(
        `xms-codegen webhooks: lenient conversion does not support ${specific} on a webhook field yet`,
      );
    }
    const { type: _type, ...rest } = out;
    return { ...rest, [LOSSLESS_TYPE]: types };
  };
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, convert(def)]));
}
