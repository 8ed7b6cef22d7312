/**
 * Deadlines for body reads, checked by one interval for all deliveries rather than a timer each.
 * A timer per delivery (setTimeout, then clearTimeout when the body ended) cost about a tenth of
 * the Node middleware's own work per delivery, in a CPU profile of the middleware in one process;
 * behind @hono/node-server, profiles showed 6-8 µs a delivery in Node's timer queue, as each
 * cleared timer emptied its list and the next one built it again. A deadline fires between its
 * time and an eighth of its duration later (at least 5 ms, at most 1 s).
 *
 * Only where timers are Node's (objects with `unref()`: Node, Bun): the interval is unref'd, so
 * it never keeps a process alive. Elsewhere each deadline gets a timer of its own, as before:
 * where timers are numbers (Deno, browsers, Workers), and on Cloudflare Workers even with
 * `nodejs_compat` (whose timers have `unref()`), since a Worker ties a timer and what its callback
 * settles to the request that made it.
 */
export interface Deadline {
  readonly at: number;
  readonly expire: () => void;
  /** The deadline's own timer, where there is no shared interval. */
  readonly timer?: ReturnType<typeof setTimeout>;
}

/** Cloudflare Workers (workerd), with or without `nodejs_compat`. */
function onWorkers(): boolean {
  const runtime = globalThis as { navigator?: { userAgent?: unknown } };
  return runtime.navigator?.userAgent === "Cloudflare-Workers";
}

const pending = new Set<Deadline>();
let interval: ReturnType<typeof setInterval> | undefined;
let period = Infinity;

function sweep(): void {
  if (pending.size === 0) {
    // Idle: stop until the next deadline is set.
    clearInterval(interval);
    interval = undefined;
    period = Infinity;
    return;
  }
  const now = performance.now();
  for (const deadline of pending) {
    if (deadline.at > now) continue;
    pending.delete(deadline);
    deadline.expire();
  }
}

/** Calls `expire` once, `ms` from now (see above for the precision), unless cleared first. */
export function setDeadline(ms: number, expire: () => void): Deadline {
  const at = performance.now() + ms;
  const wanted = Math.min(1000, Math.max(5, ms / 8));
  if (interval === undefined || wanted < period) {
    // The deadline's own timer tells what the host's timers are; where they are not Node's, it
    // is the deadline's timer, tied to this request by the host.
    const own = setTimeout(expire, ms);
    if (typeof (own as { unref?: unknown }).unref !== "function" || onWorkers()) {
      return { at, expire, timer: own };
    }
    clearTimeout(own);
    clearInterval(interval);
    interval = setInterval(sweep, wanted);
    (interval as unknown as { unref(): void }).unref();
    period = wanted;
  }
  const deadline = { at, expire };
  pending.add(deadline);
  return deadline;
}

export function clearDeadline(deadline: Deadline | undefined): void {
  if (deadline === undefined) return;
  if (deadline.timer !== undefined) clearTimeout(deadline.timer);
  else pending.delete(deadline);
}
