import { isPicker } from "./discriminator-picker.js";
import { defName, isObject, type Json, type JsonObject } from "./json-schema.js";

const MIXIN = "__mixin";

/**
 * The strict variant of a schema: `unevaluatedProperties: false` on every object schema that
 * describes a whole value, unless it says otherwise (`additionalProperties: true` maps stay open).
 *
 * 2020-12 semantics decide where it goes: `unevaluatedProperties` sees the properties that
 * in-place subschemas (`allOf`, `if`/`then`, a passing `oneOf` branch, `$ref`) evaluated, but a
 * subschema does not see its siblings'. So a schema used as an `allOf` part or a `then` (a
 * partial description) is left unsealed, and a `$ref` from there points to an unsealed copy of
 * the definition (`Name__mixin`); the whole-value schema around them carries the seal.
 */
export function seal(node: Json, whole: boolean, mixins: Set<string>): Json {
  if (!isObject(node)) return node;
  if (isPicker(node)) {
    // Each `then` describes the whole value and carries the seal; the picker does not.
    const parts = Array.isArray(node["allOf"]) ? node["allOf"] : [];
    return {
      ...node,
      allOf: parts.map((part) =>
        isObject(part) ? { ...part, then: seal(part["then"] as Json, true, mixins) } : part,
      ),
    };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref") {
      const name = defName(String(value));
      if (whole) out[key] = value;
      else {
        mixins.add(name);
        out[key] = `#/$defs/${name}${MIXIN}`;
      }
    } else if ((key === "properties" || key === "patternProperties") && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, seal(v, true, mixins)]),
      );
    } else if (key === "allOf" && Array.isArray(value)) {
      out[key] = value.map((s) => seal(s, false, mixins));
    } else if (
      (key === "oneOf" || key === "anyOf" || key === "prefixItems") &&
      Array.isArray(value)
    ) {
      out[key] = value.map((s) => seal(s, true, mixins));
    } else if (key === "if" || key === "then" || key === "else") {
      out[key] = seal(value, false, mixins);
    } else if (
      ["items", "additionalProperties", "contains", "propertyNames", "not"].includes(key)
    ) {
      out[key] = seal(value, true, mixins);
    } else out[key] = value;
  }
  const objectish =
    node["type"] === "object" ||
    (node["type"] === undefined &&
      ["properties", "allOf", "oneOf", "anyOf"].some((k) => node[k] !== undefined));
  if (
    whole &&
    objectish &&
    !("additionalProperties" in node) &&
    !("unevaluatedProperties" in node)
  ) {
    out["unevaluatedProperties"] = false;
  }
  return out;
}

/** Every definition sealed, with the unsealed `Name__mixin` copies its partial uses need. */
export function strictDefs(defs: Record<string, Json>): Record<string, Json> {
  const mixins = new Set<string>();
  const out: Record<string, Json> = {};
  for (const [name, def] of Object.entries(defs)) out[name] = seal(def, true, mixins);
  for (let grew = true; grew;) {
    grew = false;
    for (const name of [...mixins].sort()) {
      if (`${name}${MIXIN}` in out) continue;
      out[`${name}${MIXIN}`] = seal(defs[name] as Json, false, mixins);
      grew = true;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
