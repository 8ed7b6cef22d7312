import { isObject } from "../load.js";
import { same } from "./context.js";

/**
 * True when `after` keeps every alternative of the `before` security requirement and adds at
 * least one (`[{apiKey, apiId}]` → `[{apiKey, apiId}, {apiKey}]`): every credential that
 * worked still works, and one more way to authenticate is accepted.
 */
export function onlyAlternativesAdded(before: unknown, after: unknown): boolean {
  if (!Array.isArray(before) || !Array.isArray(after) || after.length <= before.length)
    return false;
  return before.every((b) => isObject(b) && after.some((a) => same(a, b)));
}
