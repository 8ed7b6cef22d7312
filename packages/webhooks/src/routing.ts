/**
 * Which webhook a delivery is. The spec publishes a path for each, relative to the webhook URL:
 * a URL ending in one of them decides; a delivery to any other URL (one URL for both) is told by
 * its shape.
 */
import type { WebhookKind } from "./errors.js";
import { notificationModel } from "./generated/notification.js";
import { MODEL, type NotificationModel } from "./model.js";
import { isRecord } from "./validate.js";

/** The published paths, relative to the webhook URL. */
export const WEBHOOK_PATHS = notificationModel.paths;

type Paths = NotificationModel["paths"];

function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47 /* / */) end--;
  return path.slice(0, end);
}

/** The kind a path's suffix names, if it ends with a published path. */
export function kindOfPath(
  pathname: string | undefined,
  paths: Paths = MODEL.paths,
): WebhookKind | undefined {
  if (pathname === undefined) return undefined;
  const path = trimSlashes(pathname);
  if (path.endsWith(paths.notification)) return "notification";
  if (path.endsWith(paths.contactInfo)) return "contactInfo";
  return undefined;
}

/**
 * The kind of a delivery: its path decides, but a body that can only be a contact-info request
 * is one wherever it was posted (read as a notification it would hold no item, and be answered
 * 200 with nothing called).
 */
export function kindOfDelivery(
  pathname: string | undefined,
  body: unknown,
  model: NotificationModel = MODEL,
): WebhookKind {
  const shape = kindOfShape(body, model);
  return shape === "contactInfo" ? shape : (kindOfPath(pathname, model.paths) ?? shape);
}

/** A body with a contactId and none of a notification's lists is a contact-info request. */
export function kindOfShape(body: unknown, model: NotificationModel = MODEL): WebhookKind {
  return isRecord(body) &&
    Object.hasOwn(body, "contactId") &&
    !model.lists.some((key) => Object.hasOwn(body, key))
    ? "contactInfo"
    : "notification";
}

// An origin-form path of plain characters, without `//` at its start (an authority to URL) or a
// dot segment, which URL would resolve: its own pathname.
const PLAIN_PATH = /^\/(?!\/)[\w\-.~!$&'()*+,;=:@%/]*$/;

/**
 * The path of a request URL (absolute or origin-form), without the query, as `URL.pathname`
 * gives it. node:http's `req.url` is almost always a plain path, which is cut at `?` or `#`
 * without parsing (a `new URL` per delivery cost the Node middleware about 7 µs); anything
 * else goes through URL.
 */
export function pathnameOf(url: string): string | undefined {
  let end = url.length;
  const query = url.indexOf("?");
  if (query !== -1) end = query;
  const fragment = url.indexOf("#");
  if (fragment !== -1 && fragment < end) end = fragment;
  const path = url.slice(0, end);
  if (PLAIN_PATH.test(path) && !path.includes("/.")) return path;
  try {
    return new URL(url, "http://localhost").pathname;
  } catch {
    return undefined;
  }
}

/** Whether `pathname` is the mount path itself or the mount path plus a published path. */
export function isUnderMount(
  pathname: string | undefined,
  mount: string,
  paths: Paths = MODEL.paths,
): boolean {
  if (pathname === undefined) return false;
  const path = trimSlashes(pathname);
  const base = trimSlashes(mount);
  const prefix = base === "/" ? "" : base;
  return (
    path === base ||
    path === `${prefix}${paths.notification}` ||
    path === `${prefix}${paths.contactInfo}`
  );
}

/**
 * The path of an absolute URL as a `Request` serializes it (`request.url`), without parsing it
 * again: for http(s) URLs the path is what lies between the authority and `?` or `#`, exactly
 * as `URL.pathname` would return it. Other URLs go through `URL`.
 */
export function pathnameOfAbsolute(url: string): string | undefined {
  const authority = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
  if (authority === -1) return pathnameOf(url);
  const slash = url.indexOf("/", authority);
  if (slash === -1) return "/";
  let end = url.length;
  const query = url.indexOf("?", slash);
  if (query !== -1) end = query;
  const fragment = url.indexOf("#", slash);
  if (fragment !== -1 && fragment < end) end = fragment;
  return url.slice(slash, end);
}
