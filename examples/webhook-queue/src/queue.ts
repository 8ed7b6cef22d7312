import { createHash } from "node:crypto";

/** The BullMQ queue the receiver fills and the worker empties. */
export const QUEUE_NAME = "xms-webhook-items";

/** One notification item, as queued: which kind it is, and the item itself. */
export interface ItemJob {
  kind: "message" | "status" | "event" | "action";
  item: Record<string, unknown>;
}

/** BullMQ's connection options for a `redis://host:port[/db]` URL. */
export function connection(redisUrl: string): {
  host: string;
  port: number;
  db: number;
  maxRetriesPerRequest: null;
} {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    db: Number(url.pathname.slice(1) || 0),
    // BullMQ's workers need it (blocking commands must not give up while Redis reconnects).
    maxRetriesPerRequest: null,
  };
}

/**
 * The job id of an item: the same for every delivery of it, so that a platform retry adds no
 * second job (BullMQ ignores an add with an id it already holds). Its message id, its status id
 * and status (a later status is a new item), its eventId, or else a SHA-256 of the item.
 * BullMQ refuses ":" in ids, hence encodeURIComponent.
 */
export function jobIdOf({ kind, item }: ItemJob): string {
  const id = item["id"];
  const own =
    kind === "message" && typeof id === "string"
      ? id
      : kind === "status" && typeof id === "string" && typeof item["status"] === "string"
        ? `${id}/${item["status"]}`
        : kind === "event" && typeof item["eventId"] === "string"
          ? item["eventId"]
          : `sha256-${createHash("sha256").update(JSON.stringify(item)).digest("hex")}`;
  return `${kind}.${encodeURIComponent(own)}`;
}
