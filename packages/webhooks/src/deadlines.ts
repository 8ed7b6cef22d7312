/**
 * Deadlines for the Node adapter's body reads, checked by one interval for all deliveries rather
 * than a timer each: a timer per delivery (setTimeout, then clearTimeout when the body ended) cost
 * about a tenth of the middleware's own work per delivery, in a CPU profile of the middleware in
 * one process. A deadline fires between its time and an eighth of its duration later (at least
 * 5 ms, at most 1 s). Node only: the interval is unref'd, and Web hosts (Workers) tie timers to
 * the request that made them.
 */
export interface Deadline {
  readonly at: number;
  readonly expire: () => void;
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
  const deadline = { at: performance.now() + ms, expire };
  pending.add(deadline);
  const wanted = Math.min(1000, Math.max(5, ms / 8));
  if (interval === undefined || wanted < period) {
    clearInterval(interval);
    period = wanted;
    interval = setInterval(sweep, period);
    (interval as { unref?: () => void }).unref?.();
  }
  return deadline;
}

export function clearDeadline(deadline: Deadline | undefined): void {
  if (deadline) pending.delete(deadline);
}
