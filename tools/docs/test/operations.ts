import { readFile } from "node:fs/promises";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** An operation of `paths` or `webhooks`, as the reference should show it. */
export interface Listed {
  kind: "operation" | "webhook";
  /** The path, or the webhook's name. */
  key: string;
  method: string;
  operationId: string;
  summary: string;
  tag: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Every operation and webhook of the spec, in spec order. */
export async function listOperations(specPath: string): Promise<Listed[]> {
  const spec = parse(await readFile(specPath, "utf8")) as unknown;
  if (!isObject(spec)) throw new Error(`${specPath} is not a YAML mapping`);
  const out: Listed[] = [];
  for (const kind of ["operation", "webhook"] as const) {
    const container = spec[kind === "operation" ? "paths" : "webhooks"];
    if (!isObject(container)) continue;
    for (const [key, item] of Object.entries(container)) {
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        const tags = Array.isArray(op["tags"]) ? op["tags"] : [];
        out.push({
          kind,
          key,
          method,
          operationId: String(op["operationId"]),
          summary: String(op["summary"]),
          tag: String(tags[0]),
        });
      }
    }
  }
  return out;
}
