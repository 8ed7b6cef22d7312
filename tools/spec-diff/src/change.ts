import type { PackageName } from "./packages.js";
import type { Direction, RuleId, Severity } from "./rules.js";

/** One classified change between two versions of the spec. */
export interface Change {
  rule: RuleId;
  severity: Severity;
  /** Whose side the change is on; `both` for schemas no operation or webhook reaches. */
  direction: Direction | "both" | undefined;
  /** The operation, webhook or document part: `POST /api/v1/message/send`, `webhook messageNotification`. */
  location: string;
  /** The part of it: `request body`, `response 200`, `query parameter channelId`. */
  part: string | undefined;
  /** Where inside the schema: `text.preview_url`, `statuses[].status`. */
  path: string | undefined;
  /** The nearest component schema the change is in, if any. */
  schema: string | undefined;
  /** What changed, in words. */
  detail: string;
  /** Why it is classified so. */
  why: string;
  packages: PackageName[];
}

/** `POST /x › request body › text.body`: the full place of a change, for reports. */
export function where(change: Change): string {
  return [change.location, change.part, change.path || undefined]
    .filter((s): s is string => s !== undefined)
    .join(" › ");
}
