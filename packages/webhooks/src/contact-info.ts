/**
 * Answering a contact-information request: the onContactInfo handler's answer, validated after
 * serialization (what is checked is exactly what is sent), or `{}` past the timeout.
 */
import {
  ContactInfoAnswerError,
  ContactInfoTimeoutError,
  WebhookHandlerError,
  type PayloadIssue,
  type XmsWebhooksError,
} from "./errors.js";
import {
  callsFor,
  invoke,
  runCalls,
  type RawEvent,
  type RawHandler,
  type Registry,
} from "./dispatch.js";
import { validateAnswer, type ValidationMode } from "./validate.js";

export type ContactInfoResult =
  /** `json` is the answer to send; `answer` the same value, parsed back. */
  | { ok: true; json: string; answer: Record<string, unknown> }
  | { ok: false; errors: XmsWebhooksError[] };

const EMPTY_ANSWER = "{}";

const TIMEOUT = Symbol("timeout");

function fails(issues: PayloadIssue[]): ContactInfoResult {
  return { ok: false, errors: [new ContactInfoAnswerError(issues)] };
}

function serialize(mode: ValidationMode, answer: unknown): ContactInfoResult {
  let json: string | undefined;
  try {
    json = JSON.stringify(answer);
  } catch {
    // A cycle or a BigInt: no JSON, as for a function or undefined.
  }
  if (json === undefined) return fails([{ pointer: "", message: "can not be serialized to JSON" }]);
  const parsed: unknown = JSON.parse(json);
  const issues = validateAnswer(mode, parsed);
  if (issues) return fails(issues);
  return { ok: true, json, answer: parsed as Record<string, unknown> };
}

export async function answerContactInfo(options: {
  registry: Registry;
  answerer: RawHandler | undefined;
  request: Record<string, unknown>;
  mode: ValidationMode;
  timeoutMs: number;
  /** Gets errors that settle after the answer was sent (timeout). */
  lateError: (error: XmsWebhooksError) => void;
}): Promise<ContactInfoResult> {
  const { registry, answerer, request, mode, timeoutMs, lateError } = options;
  const event: RawEvent = {
    name: "contact.info",
    payload: request,
    meta: undefined,
    contact: request,
    notification: undefined,
  };
  const observers = Promise.resolve(runCalls(callsFor(registry, ["contact.info"], event)));
  const answer = answerer ? invoke(answerer, event) : Promise.resolve({});
  // Settles with the answer's outcome; never rejects.
  const answered = answer.then(
    (value) => ({ ok: true as const, value }),
    (reason: unknown) => ({ ok: false as const, reason }),
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), timeoutMs);
  });
  const settled = await Promise.race([Promise.all([answered, observers]), timedOut]);
  clearTimeout(timer);

  if (settled === TIMEOUT) {
    // The platform gets a valid "change nothing" now; whatever fails later is still reported.
    lateError(new ContactInfoTimeoutError(timeoutMs));
    void observers.then((errors) => errors.forEach(lateError));
    void answered.then((outcome) => {
      if (!outcome.ok) {
        lateError(new WebhookHandlerError(event, outcome.reason));
      }
    });
    return { ok: true, json: EMPTY_ANSWER, answer: {} };
  }

  const [outcome, observerErrors] = settled;
  if (!outcome.ok)
    return {
      ok: false,
      errors: [...observerErrors, new WebhookHandlerError(event, outcome.reason)],
    };
  if (observerErrors.length > 0) return { ok: false, errors: observerErrors };
  return serialize(mode, outcome.value);
}
