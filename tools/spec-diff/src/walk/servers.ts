import { isObject, type Json } from "../load.js";
import { type Context, isExtension, report, same, show } from "./context.js";

/** Compares two `servers` lists by URL: what the client may be pointed at. */
export function diffServers(ctx: Context, before: unknown, after: unknown): void {
  const byUrl = (list: unknown) =>
    new Map(
      (Array.isArray(list) ? list : [])
        .filter(isObject)
        .map((s): [string, Json] => [String(s["url"]), s]),
    );
  const sb = byUrl(before);
  const sa = byUrl(after);
  for (const [url, server] of sa) {
    const old = sb.get(url);
    if (!old) {
      report(ctx, "server-added", `server ${url} added`, "client");
      continue;
    }
    if (!same(old["variables"], server["variables"])) {
      report(ctx, "keyword-changed", `variables of server ${url} changed`, "client");
    }
    if (!same(old["description"], server["description"])) {
      report(ctx, "docs-changed", `description of server ${url} changed`, "none");
    }
    for (const key of new Set([...Object.keys(old), ...Object.keys(server)])) {
      if (["url", "variables", "description"].includes(key) || same(old[key], server[key]))
        continue;
      report(
        ctx,
        "extension-changed",
        `${key} of server ${url}: ${show(old[key])} → ${show(server[key])}`,
        "none",
      );
    }
  }
  for (const url of sb.keys()) {
    if (!sa.has(url)) report(ctx, "server-removed", `server ${url} removed`, "client");
  }
}
