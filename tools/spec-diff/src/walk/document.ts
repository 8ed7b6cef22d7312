import type { Change } from "../change.js";
import { isObject, type Json, type LoadedSpec, NAME } from "../load.js";
import { at, type Context, isExtension, report, rootContext, same, show } from "./context.js";
import { diffOperation, METHODS, type OperationEntry, type Resources } from "./operation.js";
import { diffSchema } from "./schema.js";
import { onlyAlternativesAdded } from "./security.js";
import { diffServers } from "./servers.js";

/**
 * Every change from `before` to `after`, classified. Operations are matched by method and path
 * (webhooks by name and method), then the unmatched ones by operationId, so that a moved
 * operation is one change and not a removal plus an addition.
 */
export function diffSpecs(before: LoadedSpec, after: LoadedSpec): Change[] {
  const out: Change[] = [];
  const ctx = rootContext(out);
  const b = before.doc;
  const a = after.doc;
  const resources = { before: resourcesOf(b), after: resourcesOf(a) };

  diffOperations(
    at(ctx, { surface: "paths" }),
    operationsOf(b["paths"], false),
    operationsOf(a["paths"], false),
    resources,
  );
  diffPathItems(at(ctx, { surface: "paths" }), b["paths"], a["paths"]);
  diffOperations(
    at(ctx, { surface: "webhooks" }),
    operationsOf(b["webhooks"], true),
    operationsOf(a["webhooks"], true),
    resources,
  );
  diffComponents(ctx, before, after);
  diffTop(ctx, b, a);
  return out;
}

// --- operations -------------------------------------------------------------------------------

function operationsOf(container: unknown, webhooks: boolean): Map<string, OperationEntry> {
  const out = new Map<string, OperationEntry>();
  if (!isObject(container)) return out;
  for (const [key, pathItem] of Object.entries(container)) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!isObject(op)) continue;
      const label = webhooks
        ? `webhook ${key}${method === "post" ? "" : ` (${method.toUpperCase()})`}`
        : `${method.toUpperCase()} ${key}`;
      out.set(label, { label, method, pathItem, op });
    }
  }
  return out;
}

function resourcesOf(doc: Json): Resources {
  const out: Resources = new Map();
  const tags = Array.isArray(doc["tags"]) ? doc["tags"] : [];
  for (const tag of tags) {
    if (isObject(tag) && typeof tag["x-sdk-resource"] === "string") {
      out.set(String(tag["name"]), tag["x-sdk-resource"]);
    }
  }
  return out;
}

function diffOperations(
  ctx: Context,
  before: Map<string, OperationEntry>,
  after: Map<string, OperationEntry>,
  resources: { before: Resources; after: Resources },
): void {
  const webhook = ctx.surface === "webhooks";
  const removed = new Map([...before].filter(([label]) => !after.has(label)));
  const added = new Map([...after].filter(([label]) => !before.has(label)));
  for (const [label, entry] of after) {
    const old = before.get(label);
    if (old) diffOperation(at(ctx, { location: label }), { before: old, after: entry, resources });
  }
  // Unmatched on both sides with the same operationId: the operation moved.
  for (const [label, entry] of [...added]) {
    const id = entry.op["operationId"];
    const match = [...removed].find(([, old]) => id !== undefined && old.op["operationId"] === id);
    if (!match) continue;
    const [oldLabel, old] = match;
    removed.delete(oldLabel);
    added.delete(label);
    const c = at(ctx, { location: label });
    report(
      c,
      "operation-moved",
      `${webhook ? "webhook" : "operation"} ${show(id)} moved from ${oldLabel}`,
    );
    diffOperation(c, { before: old, after: entry, resources });
  }
  for (const [label, entry] of added) {
    const id = show(entry.op["operationId"]);
    report(
      at(ctx, { location: label }),
      webhook ? "webhook-added" : "operation-added",
      `${webhook ? "webhook" : "operation"} ${id} added`,
    );
  }
  for (const [label, entry] of removed) {
    const id = show(entry.op["operationId"]);
    report(
      at(ctx, { location: label }),
      webhook ? "webhook-removed" : "operation-removed",
      `${webhook ? "webhook" : "operation"} ${id} removed`,
    );
  }
}

const PATH_ITEM_KEYS = new Set([...METHODS, "parameters", "servers", "$ref"]);

/** Path-item fields besides the operations (their parameters are compared per operation). */
function diffPathItems(ctx: Context, before: unknown, after: unknown): void {
  const pb = isObject(before) ? before : {};
  const pa = isObject(after) ? after : {};
  for (const [path, itemA] of Object.entries(pa)) {
    const itemB = pb[path];
    if (!isObject(itemA) || !isObject(itemB)) continue;
    const c = at(ctx, { location: isExtension(path) ? path : `path ${path}` });
    diffServers(c, itemB["servers"], itemA["servers"]);
    for (const key of new Set([...Object.keys(itemB), ...Object.keys(itemA)])) {
      if (PATH_ITEM_KEYS.has(key) || same(itemB[key], itemA[key])) continue;
      if (key === "summary" || key === "description") {
        report(c, "docs-changed", `${key} changed`, "docs");
      } else if (isExtension(key)) {
        report(c, "extension-changed", `${key} changed`, "none");
      } else {
        report(c, "keyword-changed", `${key} changed`);
      }
    }
  }
}

// --- components -------------------------------------------------------------------------------

const TYPED_COMPONENTS = [
  "schemas",
  "parameters",
  "responses",
  "requestBodies",
  "headers",
  "pathItems",
];
const DOC_COMPONENTS = ["examples", "links", "callbacks"];

/** Every `$ref` target in a raw document. */
function refsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string") out.add(v);
      else refsIn(v, out);
    }
  }
  return out;
}

/** The component schemas (stamped with their name) a part of a dereferenced document reaches. */
function namesIn(value: unknown, out: Set<string>, seen = new WeakSet<object>()): Set<string> {
  if (typeof value !== "object" || value === null || seen.has(value)) return out;
  seen.add(value);
  if (Array.isArray(value)) for (const v of value) namesIn(v, out, seen);
  else {
    const name = (value as Json)[NAME];
    if (typeof name === "string") out.add(name);
    for (const v of Object.values(value)) namesIn(v, out, seen);
  }
  return out;
}

function diffComponents(root: Context, before: LoadedSpec, after: LoadedSpec): void {
  const ctx = at(root, { surface: "components" });
  const rawB = isObject(before.raw["components"]) ? before.raw["components"] : {};
  const rawA = isObject(after.raw["components"]) ? after.raw["components"] : {};
  const docB = isObject(before.doc["components"]) ? before.doc["components"] : {};
  const docA = isObject(after.doc["components"]) ? after.doc["components"] : {};
  const referenced = new Set([...refsIn(before.raw), ...refsIn(after.raw)]);
  const reached = new Set<string>();
  for (const doc of [before.doc, after.doc]) {
    namesIn(doc["paths"], reached);
    namesIn(doc["webhooks"], reached);
  }

  for (const kind of new Set([...Object.keys(rawB), ...Object.keys(rawA)])) {
    const groupB = isObject(rawB[kind]) ? rawB[kind] : {};
    const groupA = isObject(rawA[kind]) ? rawA[kind] : {};
    if (kind === "securitySchemes") {
      diffSecuritySchemes(at(root, { location: "components.securitySchemes" }), groupB, groupA);
      continue;
    }
    const typed = TYPED_COMPONENTS.includes(kind);
    const touch = typed ? "structure" : "none";
    if (!typed && !DOC_COMPONENTS.includes(kind)) {
      if (!same(groupB, groupA)) {
        const rule = isExtension(kind) ? "extension-changed" : "keyword-changed";
        report(
          at(ctx, { location: `components.${kind}` }),
          rule,
          `components.${kind} changed`,
          "none",
        );
      }
      continue;
    }
    for (const name of new Set([...Object.keys(groupB), ...Object.keys(groupA)])) {
      const c = at(ctx, { location: `components.${kind}.${name}`, direction: "both" });
      const inB = name in groupB;
      const inA = name in groupA;
      if (!inB && inA) {
        if (typed) report(c, "component-added", `${kind} component "${name}" added`);
        else report(c, "docs-changed", `${kind} component "${name}" added`, "none");
        continue;
      }
      if (inB && !inA) {
        if (typed) report(c, "component-removed", `${kind} component "${name}" removed`);
        else report(c, "docs-changed", `${kind} component "${name}" removed`, "none");
        continue;
      }
      const resolvedB = isObject(docB[kind]) ? docB[kind][name] : undefined;
      const resolvedA = isObject(docA[kind]) ? docA[kind][name] : undefined;
      if (same(resolvedB, resolvedA)) continue;
      if (kind === "schemas") {
        // A schema an operation or webhook reaches was compared there, in the right direction.
        if (!reached.has(name)) diffSchema(c, resolvedB, resolvedA);
      } else if (!referenced.has(`#/components/${kind}/${name}`)) {
        report(
          c,
          typed ? "keyword-changed" : "docs-changed",
          `unreferenced ${kind} component "${name}" changed`,
          touch,
        );
      }
    }
  }
}

function diffSecuritySchemes(ctx: Context, before: Json, after: Json): void {
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[name];
    const a = after[name];
    if (same(b, a)) continue;
    const strip = (s: unknown) => {
      if (!isObject(s)) return s;
      const { description: _d, ...rest } = s;
      return rest;
    };
    if (same(strip(b), strip(a))) {
      report(ctx, "docs-changed", `description of security scheme "${name}" changed`, "none");
    } else {
      report(
        ctx,
        "security-changed",
        `security scheme "${name}" ${b === undefined ? "added" : a === undefined ? "removed" : "changed"}`,
        "client",
      );
    }
  }
}

// --- the rest of the document -----------------------------------------------------------------

const TOP_KEYS = new Set([
  "paths",
  "webhooks",
  "components",
  "servers",
  "security",
  "tags",
  "info",
  "openapi",
  "externalDocs",
]);

function diffTop(root: Context, b: Json, a: Json): void {
  const ctx = at(root, { surface: "document" });
  diffServers(at(ctx, { location: "servers" }), b["servers"], a["servers"]);
  if (onlyAlternativesAdded(b["security"], a["security"])) {
    report(
      at(ctx, { location: "security" }),
      "security-alternative-added",
      "top-level security: an alternative added, every earlier one kept",
      "client",
    );
  } else if (!same(b["security"], a["security"])) {
    report(
      at(ctx, { location: "security" }),
      "security-changed",
      "top-level security requirements changed",
      "client",
    );
  }
  const ib = isObject(b["info"]) ? b["info"] : {};
  const ia = isObject(a["info"]) ? a["info"] : {};
  for (const key of new Set([...Object.keys(ib), ...Object.keys(ia)])) {
    if (!same(ib[key], ia[key])) {
      report(
        at(ctx, { location: "info" }),
        "docs-changed",
        `info.${key} ${show(ib[key])} → ${show(ia[key])}`,
        "none",
      );
    }
  }
  for (const key of ["openapi", "externalDocs"]) {
    if (!same(b[key], a[key]))
      report(
        at(ctx, { location: key }),
        "docs-changed",
        `${key} ${show(b[key])} → ${show(a[key])}`,
        "none",
      );
  }
  diffTags(at(ctx, { location: "tags" }), b["tags"], a["tags"]);
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (TOP_KEYS.has(key) || same(b[key], a[key])) continue;
    const c = at(ctx, { location: key });
    if (isExtension(key)) report(c, "extension-changed", `${key} changed`, "none");
    else report(c, "keyword-changed", `${key} changed`);
  }
}

/** Tags only group the reference; their `x-sdk-resource` is compared per operation. */
function diffTags(ctx: Context, before: unknown, after: unknown): void {
  const byName = (list: unknown) =>
    new Map(
      (Array.isArray(list) ? list : []).filter(isObject).map((t): [string, Json] => {
        const { "x-sdk-resource": _r, ...rest } = t;
        return [String(t["name"]), rest];
      }),
    );
  const tb = byName(before);
  const ta = byName(after);
  for (const name of new Set([...tb.keys(), ...ta.keys()])) {
    if (same(tb.get(name), ta.get(name))) continue;
    const verb = !tb.has(name) ? "added" : !ta.has(name) ? "removed" : "changed";
    report(ctx, "docs-changed", `tag "${name}" ${verb}`, "none");
  }
}
