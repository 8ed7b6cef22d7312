/** Loading spec/openapi.yaml and walking its operations (paths and webhooks). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { deref, isObject, objectAt, toPointer, type JsonObject } from "./json.js";

/** Walks up from this file to the directory holding pnpm-workspace.yaml. */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`spec-check: no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
}

export const repoRoot = findRepoRoot();
export const specPath = join(repoRoot, "spec", "openapi.yaml");
export const correctionsPath = join(repoRoot, "spec", "CORRECTIONS.md");
export const redoclyConfigPath = join(repoRoot, "redocly.yaml");

/** Parses an OpenAPI document from YAML text. */
export function parseSpec(text: string, source = "spec"): JsonObject {
  const document: unknown = parse(text, { maxAliasCount: -1 });
  if (!isObject(document) || typeof document.openapi !== "string") {
    throw new Error(`spec-check: ${source} is not an OpenAPI document (no "openapi" field)`);
  }
  return document;
}

export function loadSpec(path: string = specPath): JsonObject {
  return parseSpec(readFileSync(path, "utf8"), path);
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export interface SpecOperation {
  /** Under `paths` (an API operation) or under `webhooks` (a request the platform sends). */
  kind: "path" | "webhook";
  /** The path (`/api/v1/message/send`) or the webhook name (`messageNotification`). */
  name: string;
  /** Upper-case HTTP method. */
  method: string;
  operation: JsonObject;
  pathItem: JsonObject;
  /** JSON Pointer of the operation object. */
  pointer: string;
  /** How failures name it: `POST /api/v1/message/send`, `webhook messageNotification (POST)`. */
  label: string;
}

/** Every operation of `paths` and `webhooks`, in document order. */
export function listOperations(spec: JsonObject): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const kind of ["path", "webhook"] as const) {
    const section = kind === "path" ? "paths" : "webhooks";
    for (const [name, rawItem] of Object.entries(objectAt(spec, section) ?? {})) {
      const item = deref(spec, rawItem, toPointer([section, name]));
      if (!isObject(item.node)) continue;
      for (const method of HTTP_METHODS) {
        const operation = objectAt(item.node, method);
        if (operation === undefined) continue;
        const upper = method.toUpperCase();
        operations.push({
          kind,
          name,
          method: upper,
          operation,
          pathItem: item.node,
          pointer: `${item.pointer}${toPointer([method])}`,
          label: kind === "path" ? `${upper} ${name}` : `webhook ${name} (${upper})`,
        });
      }
    }
  }
  return operations;
}
