import { isPicker, markDispatch } from "./discriminator-picker.js";
import { isObject, refName, type Json, type JsonObject } from "./json-schema.js";

/**
 * The one definition every variant of a discriminated union builds on: the `$ref` that each
 * variant's `allOf` holds (`InBoundMsgBase` for `InBoundMsg`). Read before flattenAllOf(), which
 * merges it away.
 */
function sharedBase(converted: Record<string, Json>, variants: readonly string[]): string {
  const refsOf = (name: string): string[] => {
    const parts = (converted[name] as JsonObject | undefined)?.["allOf"];
    return Array.isArray(parts) ? parts.flatMap((part) => refName(part) ?? []) : [];
  };
  const [first = [], ...rest] = variants.map(refsOf);
  const shared = first.filter((name) => rest.every((refs) => refs.includes(name)));
  if (shared.length !== 1) {
    throw new Error(
      `xms-codegen webhooks: the variants ${variants.join(", ")} must share exactly one allOf $ref (their base), found ${shared.length}`,
    );
  }
  return shared[0] as string;
}

/**
 * THE LENIENT RULE (stated here once; the README's "Validation" section says the same):
 * lenient = unknown fields, absent optional fields and unknown enum values pass; a value of
 * another JSON type that converts to the declared one without loss passes and is converted
 * (see lossless.ts); any other wrong JSON type fails.
 *
 * A platform may start sending a value the spec does not list yet (a new message `type`, a
 * new `status`, a new `contactType`, ...); refusing that delivery would lose it. So, in the
 * lenient variant of the webhook REQUEST payloads (the notification and the contact-info
 * request), and only there:
 *
 * - every `enum` whose values are all strings, anywhere in a definition the requests reach,
 *   becomes `type: string` (the rest of that schema is kept);
 * - a discriminated union (the picker toJsonSchema() made of a `oneOf` with a discriminator
 *   mapping, such as `InBoundMsg` by `type`) gains a fallback branch instead: a discriminator
 *   value that is a string but none of the mapped ones is checked against what every variant
 *   shares (their one common `allOf` base, `InBoundMsgBase`), so such an item still has its
 *   known fields checked.
 *
 * Strict keeps every list closed, and the contact-info ANSWER (the contactInfoResponse validator,
 * what the user sends back) is validated exactly as the spec says in both modes: its lenient
 * validator is built from the unrelaxed definitions (webhook-validators.ts), so we never send the
 * platform a value it does not list.
 */
export function relaxEnums(
  converted: Record<string, Json>,
  defs: Record<string, Json>,
): Record<string, Json> {
  const withFallback = (picker: JsonObject): JsonObject => {
    const pickerProperties = picker["properties"];
    const parts = picker["allOf"];
    const property = isObject(pickerProperties) ? Object.keys(pickerProperties)[0] : undefined;
    const known = property && isObject(pickerProperties) ? pickerProperties[property] : undefined;
    if (!property || !isObject(known) || !Array.isArray(parts)) {
      throw new Error("xms-codegen webhooks: a discriminated union's picker has an unknown shape");
    }
    const variants = parts.flatMap((part) => (isObject(part) ? (refName(part["then"]) ?? []) : []));
    const base = sharedBase(converted, variants);
    return markDispatch({
      ...picker,
      properties: { [property]: { type: "string" } },
      allOf: [
        ...parts,
        {
          if: {
            properties: { [property]: { type: "string", not: { enum: known["enum"] as Json } } },
            required: [property],
          },
          then: { $ref: `#/$defs/${base}` },
        },
      ],
    });
  };
  const relax = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(relax);
    if (!isObject(node)) return node;
    // Its `if`s hold only the mapped `const`s and its `then`s only `$ref`s: nothing to relax.
    if (isPicker(node)) return withFallback(node);
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      // A condition keeps its lists: relaxing one would change which branch applies.
      if (key === "if" || key === "not") out[key] = value;
      else if ((key === "properties" || key === "patternProperties") && isObject(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relax(v)]));
      } else if (key === "enum" || key === "const" || key === "required") out[key] = value;
      else out[key] = relax(value);
    }
    const values = out["enum"];
    if (Array.isArray(values) && values.every((value) => typeof value === "string")) {
      delete out["enum"];
      if (out["type"] !== undefined && out["type"] !== "string") {
        throw new Error(
          `xms-codegen webhooks: an enum of strings on a schema of type ${JSON.stringify(out["type"])}`,
        );
      }
      out["type"] = "string";
    }
    return out;
  };
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, relax(def)]));
}
