import type { FieldError } from "./field-errors.js";

const statusKeys: Readonly<Record<number, string>> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  413: "PAYLOAD_TOO_LARGE",
  500: "SERVER_ERROR",
  501: "NOT_IMPLEMENTED",
};

/** The mock's own failures, shaped like components/schemas/ApiErrorResponse so clients parse them. */
export interface MockErrorBody {
  readonly message: string;
  readonly messageKey: string;
  readonly status: string;
  readonly statusKey: string;
  readonly path: string;
  readonly errors: readonly FieldError[];
}

export function errorBody(
  status: number,
  messageKey: string,
  message: string,
  path: string,
  errors: readonly FieldError[],
): MockErrorBody {
  return {
    message,
    messageKey,
    status: String(status),
    statusKey: statusKeys[status] ?? "ERROR",
    path,
    errors,
  };
}
