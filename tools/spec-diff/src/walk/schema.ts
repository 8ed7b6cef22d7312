import { isObject, type Json, NAME } from "../load.js";
import type { Touch } from "../packages.js";
import { at, type Context, DOC_KEYS, isExtension, report, same, show } from "./context.js";
import { flatten, originOf } from "./flatten.js";
import { enumOf as modelEnumOf } from "@mehery/xms-spec-model";

/**
 * Compares two JSON Schemas (already dereferenced) in the direction of `ctx`, recursing into
 * properties, array items, map values and oneOf/anyOf variants. Every keyword is looked at: the
 * ones modelled below get their own rule, any other that differs is reported as
 * `keyword-changed` (breaking, to be safe) or, for `x-*` extensions, `extension-changed`.
 */
export function diffSchema(ctx: Context, before: unknown, after: unknown): void {
  walk(ctx, before, after, new Map());
}

type Active = Map<Json, Set<Json>>;

const LOWER = [
  "minimum",
  "exclusiveMinimum",
  "minLength",
  "minItems",
  "minProperties",
  "minContains",
];
const UPPER = [
  "maximum",
  "exclusiveMaximum",
  "maxLength",
  "maxItems",
  "maxProperties",
  "maxContains",
];
const EXACT = ["pattern", "format", "multipleOf"];

const HANDLED = new Set<string>([
  NAME,
  "allOf",
  "type",
  "enum",
  "const",
  "anyOf",
  "oneOf",
  "discriminator",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "uniqueItems",
  "default",
  "deprecated",
  ...LOWER,
  ...UPPER,
  ...EXACT,
  ...DOC_KEYS,
]);

/** `true` and `{}` accept anything; `false` nothing. */
function asSchema(value: unknown): Json | undefined {
  if (value === true) return {};
  if (value === false) return { not: {} };
  return isObject(value) ? value : undefined;
}

function walk(ctx: Context, beforeRaw: unknown, afterRaw: unknown, active: Active): void {
  const rawB = asSchema(beforeRaw);
  const rawA = asSchema(afterRaw);
  if (!rawB || !rawA) {
    if (!same(beforeRaw, afterRaw)) {
      report(ctx, "keyword-changed", `schema ${show(beforeRaw)} → ${show(afterRaw)}`);
    }
    return;
  }
  const b = flatten(rawB);
  const a = flatten(rawA);
  const name = a[NAME] ?? b[NAME];
  if (typeof name === "string") ctx = at(ctx, { schema: name });

  // Cycle guard: a pair of schemas already being compared further up is not compared again.
  const seen = active.get(b) ?? new Set<Json>();
  if (seen.has(a)) return;
  seen.add(a);
  active.set(b, seen);
  try {
    if (same(b, a)) return;
    compare(ctx, b, a, active);
  } finally {
    seen.delete(a);
  }
}

function compare(ctx: Context, b: Json, a: Json, active: Active): void {
  if (!compareTypes(ctx, b, a)) {
    docs(ctx, b, a);
    return;
  }
  compareEnums(ctx, b, a);
  compareVariants(ctx, b, a, active);
  compareProperties(ctx, b, a, active);
  compareAdditional(ctx, b, a, active);
  compareItems(ctx, b, a, active);
  compareConstraints(ctx, b, a);
  compareLeftover(ctx, b, a, active);
  docs(ctx, b, a);
  rest(ctx, b, a);
}

// --- types ------------------------------------------------------------------------------------

const ALL_TYPES = ["string", "number", "integer", "boolean", "object", "array", "null"];

/** The JSON types a schema admits; undefined when it does not restrict them. */
function typesOf(s: Json): string[] | undefined {
  if (openEnum(s)) return ["string"];
  const type = s["type"];
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === "string");
  return undefined;
}

function within(inner: string[], outer: string[]): boolean {
  return inner.every((t) => outer.includes(t) || (t === "integer" && outer.includes("number")));
}

function showTypes(types: string[] | undefined): string {
  return types ? types.join(" | ") : "any type";
}

/** Reports a type change; false when the types are unrelated (nothing below is compared). */
function compareTypes(ctx: Context, b: Json, a: Json): boolean {
  const tb = typesOf(b);
  const ta = typesOf(a);
  if (same(tb, ta)) return true;
  const detail = `type ${showTypes(tb)} → ${showTypes(ta)}`;
  const outerB = tb ?? ALL_TYPES;
  const outerA = ta ?? ALL_TYPES;
  if (within(outerB, outerA) && !within(outerA, outerB)) {
    report(ctx, "type-widened", detail);
    return true;
  }
  if (within(outerA, outerB) && !within(outerB, outerA)) {
    report(ctx, "type-narrowed", detail);
    return true;
  }
  if (within(outerA, outerB) && within(outerB, outerA)) return true; // e.g. reordered
  report(ctx, "type-changed", detail);
  return false;
}

// --- enums ------------------------------------------------------------------------------------

interface EnumInfo {
  values: unknown[];
  open: boolean;
}

/** `anyOf: [{ enum: [...] }, { type: string }]`: known values, but any string is valid (the spec model's reading). */
function openEnum(s: Json): unknown[] | undefined {
  const known = modelEnumOf(s);
  return known?.open ? known.values : undefined;
}

function enumOf(s: Json): EnumInfo | undefined {
  if (Array.isArray(s["enum"])) return { values: s["enum"], open: false };
  if (s["const"] !== undefined) return { values: [s["const"]], open: false };
  const open = openEnum(s);
  return open ? { values: open, open: true } : undefined;
}

function compareEnums(ctx: Context, b: Json, a: Json): void {
  const eb = enumOf(b);
  const ea = enumOf(a);
  if (!eb && !ea) return;
  if (!eb && ea) {
    report(ctx, "type-narrowed", `values restricted to ${show(ea.values)}`);
    return;
  }
  if (eb && !ea) {
    report(ctx, "type-widened", `enum ${show(eb.values)} lifted: any value of the type is valid`);
    return;
  }
  if (!eb || !ea) return;
  if (!eb.open && ea.open) {
    report(ctx, "type-widened", "enum opened: any string is now valid, not only the listed values");
  }
  if (eb.open && !ea.open) {
    report(ctx, "type-narrowed", "enum closed: only the listed values are valid now");
  }
  const key = (v: unknown) => JSON.stringify(v);
  const keysB = new Set(eb.values.map(key));
  const keysA = new Set(ea.values.map(key));
  for (const value of ea.values) {
    if (keysB.has(key(value))) continue;
    report(
      ctx,
      ea.open ? "open-enum-value-added" : "enum-value-added",
      `enum value ${show(value)} added`,
    );
  }
  for (const value of eb.values) {
    if (keysA.has(key(value))) continue;
    report(
      ctx,
      eb.open ? "open-enum-value-removed" : "enum-value-removed",
      `enum value ${show(value)} removed`,
    );
  }
}

// --- oneOf / anyOf ----------------------------------------------------------------------------

interface Variants {
  kind: "oneOf" | "anyOf";
  list: Json[];
}

function variantsOf(s: Json): Variants | undefined {
  if (Array.isArray(s["oneOf"])) return { kind: "oneOf", list: s["oneOf"].filter(isObject) };
  if (Array.isArray(s["anyOf"]) && !openEnum(s)) {
    return { kind: "anyOf", list: s["anyOf"].filter(isObject) };
  }
  return undefined;
}

/** Names a variant: by its discriminator value, else its component name, else its title or index. */
function variantKey(parent: Json, variant: Json, index: number): string {
  const flat = flatten(variant);
  const discriminator = parent["discriminator"];
  const prop = isObject(discriminator) ? discriminator["propertyName"] : undefined;
  const props = flat["properties"];
  if (typeof prop === "string" && isObject(props) && isObject(props[prop])) {
    const e = enumOf(flatten(props[prop]));
    if (e && e.values.length === 1) return `${prop}=${String(e.values[0])}`;
  }
  if (typeof variant[NAME] === "string") return variant[NAME];
  if (typeof flat["title"] === "string") return flat["title"];
  return `#${index}`;
}

function keyed(parent: Json, variants: Variants): Map<string, Json> {
  return new Map(variants.list.map((v, i) => [variantKey(parent, v, i), v]));
}

function compareVariants(ctx: Context, b: Json, a: Json, active: Active): void {
  const vb = variantsOf(b);
  const va = variantsOf(a);
  if (!vb && !va) return;
  if (!vb || !va || vb.kind !== va.kind) {
    report(
      ctx,
      "type-changed",
      `${vb ? `${vb.kind} of ${vb.list.length}` : "no variants"} → ${va ? `${va.kind} of ${va.list.length}` : "no variants"}`,
    );
    return;
  }
  const kb = keyed(b, vb);
  const ka = keyed(a, va);
  for (const [key, variant] of ka) {
    const old = kb.get(key);
    if (old === undefined) report(ctx, "variant-added", `${va.kind} variant "${key}" added`);
    else walk(at(ctx, { path: `${ctx.path}<${key}>` }), old, variant, active);
  }
  for (const key of kb.keys()) {
    if (!ka.has(key)) report(ctx, "variant-removed", `${vb.kind} variant "${key}" removed`);
  }
  const db = b["discriminator"];
  const da = a["discriminator"];
  if (!same(db, da)) {
    const propB = isObject(db) ? db["propertyName"] : undefined;
    const propA = isObject(da) ? da["propertyName"] : undefined;
    const mapB = isObject(db) && isObject(db["mapping"]) ? db["mapping"] : {};
    const mapA = isObject(da) && isObject(da["mapping"]) ? da["mapping"] : {};
    // Keys only on one side are the variants reported above; a key that moves is a change.
    const moved = Object.keys(mapA).filter((k) => k in mapB && mapA[k] !== mapB[k]);
    if (propB !== propA || moved.length > 0) {
      report(
        ctx,
        "discriminator-changed",
        propB !== propA
          ? `discriminator ${show(propB)} → ${show(propA)}`
          : `discriminator mapping of ${moved.map((k) => JSON.stringify(k)).join(", ")} changed`,
      );
    }
  }
}

// --- objects ----------------------------------------------------------------------------------

/** The context of property `name`, in the schema that declared it (an allOf part, if named). */
function child(ctx: Context, name: string, owner: string | undefined): Context {
  return at(ctx, {
    path: ctx.path ? `${ctx.path}.${name}` : name,
    schema: owner ?? ctx.schema,
  });
}

function requiredOf(s: Json): Set<string> {
  const r = s["required"];
  return new Set(Array.isArray(r) ? r.filter((x): x is string => typeof x === "string") : []);
}

function compareProperties(ctx: Context, b: Json, a: Json, active: Active): void {
  const pb = isObject(b["properties"]) ? b["properties"] : {};
  const pa = isObject(a["properties"]) ? a["properties"] : {};
  const rb = requiredOf(b);
  const ra = requiredOf(a);
  const names = new Set([...Object.keys(pb), ...Object.keys(pa), ...rb, ...ra]);
  for (const name of names) {
    const inB = name in pb;
    const inA = name in pa;
    const c = child(ctx, name, originOf(inA ? a : b, name) ?? originOf(b, name));
    if (inB && !inA) {
      report(c, "property-removed", `property "${name}" removed`);
      continue;
    }
    if (!inB && inA) {
      if (ra.has(name)) report(c, "property-added-required", `required property "${name}" added`);
      else report(c, "property-added-optional", `optional property "${name}" added`);
      continue;
    }
    if (!rb.has(name) && ra.has(name)) {
      report(c, "property-became-required", `property "${name}" became required`);
    }
    if (rb.has(name) && !ra.has(name)) {
      report(c, "property-became-optional", `property "${name}" became optional`);
    }
    if (inB && inA) walk(c, pb[name], pa[name], active);
  }
}

type Extra = { mode: "any" } | { mode: "none" } | { mode: "schema"; schema: Json };

function extraOf(s: Json): Extra {
  const v = s["additionalProperties"];
  if (v === false) return { mode: "none" };
  if (isObject(v) && Object.keys(v).length > 0) return { mode: "schema", schema: v };
  return { mode: "any" };
}

function compareAdditional(ctx: Context, b: Json, a: Json, active: Active): void {
  const xb = extraOf(b);
  const xa = extraOf(a);
  if (xb.mode === "schema" && xa.mode === "schema") {
    walk(at(ctx, { path: `${ctx.path}{*}` }), xb.schema, xa.schema, active);
    return;
  }
  if (xb.mode === xa.mode) return;
  const rank = { none: 0, schema: 1, any: 2 };
  const detail = `additionalProperties: ${xb.mode} → ${xa.mode}`;
  report(ctx, rank[xa.mode] > rank[xb.mode] ? "type-widened" : "type-narrowed", detail);
}

function compareItems(ctx: Context, b: Json, a: Json, active: Active): void {
  const ib = b["items"];
  const ia = a["items"];
  if (ib === undefined && ia === undefined) return;
  if (ib === undefined) report(ctx, "type-narrowed", `array items restricted to ${show(ia)}`);
  else if (ia === undefined) report(ctx, "type-widened", "array items no longer restricted");
  else walk(at(ctx, { path: `${ctx.path}[]` }), ib, ia, active);
}

// --- constraints, docs and the rest -----------------------------------------------------------

function compareConstraints(ctx: Context, b: Json, a: Json): void {
  const bound = (key: string, lower: boolean) => {
    const vb = b[key];
    const va = a[key];
    if (same(vb, va)) return;
    const detail = `${key} ${show(vb)} → ${show(va)}`;
    if (typeof vb !== "number" || typeof va !== "number") {
      if (vb === undefined) report(ctx, "constraint-narrowed", detail);
      else if (va === undefined) report(ctx, "constraint-widened", detail);
      else report(ctx, "constraint-changed", detail);
      return;
    }
    const tighter = lower ? va > vb : va < vb;
    report(ctx, tighter ? "constraint-narrowed" : "constraint-widened", detail);
  };
  for (const key of LOWER) bound(key, true);
  for (const key of UPPER) bound(key, false);
  for (const key of EXACT) {
    const vb = b[key];
    const va = a[key];
    if (same(vb, va)) continue;
    const detail = `${key} ${show(vb)} → ${show(va)}`;
    if (vb === undefined) report(ctx, "constraint-narrowed", detail);
    else if (va === undefined) report(ctx, "constraint-widened", detail);
    else report(ctx, "constraint-changed", detail);
  }
  const ub = b["uniqueItems"] === true;
  const ua = a["uniqueItems"] === true;
  if (ub !== ua) {
    report(ctx, ua ? "constraint-narrowed" : "constraint-widened", `uniqueItems ${ub} → ${ua}`);
  }
}

/**
 * A flattened schema's `allOf` holds the constraints its parts gave differently (the spec
 * model's merge keeps the later one there): each is one more condition on the value. One that
 * changed (the same keywords before and after) is compared as a schema; one added narrows, one
 * removed widens.
 */
function compareLeftover(ctx: Context, b: Json, a: Json, active: Active): void {
  const lb = (Array.isArray(b["allOf"]) ? b["allOf"] : []).filter(isObject);
  const la = (Array.isArray(a["allOf"]) ? a["allOf"] : []).filter(isObject);
  const removed = lb.filter((part) => !la.some((other) => same(other, part)));
  const keys = (part: Json) => Object.keys(part).sort().join();
  for (const part of la) {
    if (lb.some((other) => same(other, part))) continue;
    const before = removed.findIndex((other) => keys(other) === keys(part));
    if (before >= 0) walk(ctx, removed.splice(before, 1)[0], part, active);
    else report(ctx, "constraint-narrowed", `allOf constraint ${show(part)} added`);
  }
  for (const part of removed) {
    report(ctx, "constraint-widened", `allOf constraint ${show(part)} removed`);
  }
}

/**
 * Documentation keywords, `default` and `deprecated`: shared by schemas and the other objects
 * that carry them. `touch` says which generated code shows them; `summaryTouch` is for `summary`
 * (an operation's summary is also the JSDoc of its client method or event).
 */
export function docs(
  ctx: Context,
  b: Json,
  a: Json,
  touch: Touch = "docs",
  summaryTouch = touch,
): void {
  for (const key of DOC_KEYS) {
    if (same(b[key], a[key])) continue;
    const verb = b[key] === undefined ? "added" : a[key] === undefined ? "removed" : "changed";
    report(ctx, "docs-changed", `${key} ${verb}`, key === "summary" ? summaryTouch : touch);
  }
  const fb = b["default"];
  const fa = a["default"];
  if (!same(fb, fa)) {
    const detail = `default ${show(fb)} → ${show(fa)}`;
    if (fb !== undefined && fa !== undefined) report(ctx, "default-changed", detail);
    else report(ctx, "docs-changed", detail, touch);
  }
  const db = b["deprecated"] === true;
  const da = a["deprecated"] === true;
  if (!db && da) report(ctx, "deprecated-added", "marked deprecated", summaryTouch);
  if (db && !da) report(ctx, "deprecated-removed", "no longer deprecated", summaryTouch);
}

function rest(ctx: Context, b: Json, a: Json): void {
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (HANDLED.has(key) || same(b[key], a[key])) continue;
    if (isExtension(key)) {
      report(ctx, "extension-changed", `${key} ${show(b[key])} → ${show(a[key])}`, "none");
    } else {
      report(ctx, "keyword-changed", `${key} ${show(b[key])} → ${show(a[key])}`);
    }
  }
}
