/** Validation of webhook bodies and contact-info answers with the generated validators. */
import type { PayloadIssue, WebhookKind } from "./errors.js";
import {
  contactInfoRequestLenient,
  contactInfoRequestStrict,
  contactInfoResponseLenient,
  contactInfoResponseStrict,
  notificationLenient,
  notificationStrict,
  type GeneratedValidator,
  type ValidatorError,
} from "./generated/validators.js";

/**
 * `"lenient"`: unknown fields, absent optional fields and unknown enum values pass, and so does
 * a value that converts to the declared type without loss (a number for a string: converted in
 * place, so handlers get the declared type); other wrong JSON types fail. `"strict"`: unknown
 * fields, unknown enum values and every wrong JSON type fail.
 * `false`: no check. (The answer is always checked with every enum closed: validateAnswer.)
 */
export type ValidationMode = "strict" | "lenient" | false;

const VALIDATORS = {
  strict: {
    notification: notificationStrict,
    contactInfo: contactInfoRequestStrict,
    answer: contactInfoResponseStrict,
  },
  lenient: {
    notification: notificationLenient,
    contactInfo: contactInfoRequestLenient,
    answer: contactInfoResponseLenient,
  },
} as const;

/** Keywords that only summarise the errors of their subschemas, which are reported instead. */
const SUMMARIES = new Set(["if", "anyOf", "oneOf", "allOf"]);

function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** ajv errors → JSON pointers to the fields at fault, one issue per field and message. */
export function toIssues(errors: readonly ValidatorError[] | null | undefined): PayloadIssue[] {
  const issues: PayloadIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    if (SUMMARIES.has(error.keyword) && errors && errors.length > 1) continue;
    let pointer = error.instancePath;
    const params = error.params;
    // Point at the field itself rather than at the object that misses or should not have it.
    const field =
      params["missingProperty"] ?? params["unevaluatedProperty"] ?? params["additionalProperty"];
    if (typeof field === "string") pointer += `/${escapePointer(field)}`;
    let message = error.message ?? `fails ${error.keyword}`;
    if (error.keyword === "unevaluatedProperties" || error.keyword === "additionalProperties") {
      message = "is not a known field";
    } else if (error.keyword === "required") {
      message = "is required";
    } else if (Array.isArray(params["allowedValues"])) {
      message = `must be one of ${(params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    }
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ pointer, message });
  }
  return issues;
}

function run(validator: GeneratedValidator, value: unknown): PayloadIssue[] | undefined {
  return validator(value) ? undefined : toIssues(validator.errors);
}

const NOT_AN_OBJECT: PayloadIssue[] = [{ pointer: "", message: "must be an object" }];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks a webhook body. Returns undefined when valid, else the issues. Even with validation
 * off, a body must be a JSON object: dispatch reads its fields.
 */
export function validateBody(
  mode: ValidationMode,
  kind: WebhookKind,
  value: unknown,
): PayloadIssue[] | undefined {
  if (!isRecord(value)) return NOT_AN_OBJECT;
  return mode === false ? undefined : run(VALIDATORS[mode][kind], value);
}

/**
 * Checks an onContactInfo answer. Always checked (strictly when validate is `"strict"`): the
 * platform must never receive an invalid answer, whatever the validation of requests.
 */
export function validateAnswer(mode: ValidationMode, value: unknown): PayloadIssue[] | undefined {
  if (!isRecord(value)) return NOT_AN_OBJECT;
  return run(VALIDATORS[mode === "strict" ? "strict" : "lenient"].answer, value);
}
