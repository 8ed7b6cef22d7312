import { createMockHandler } from "./handler.js";
import { isLoopback } from "./host.js";
import { listen, type MockServer } from "./server.js";

export { createMockHandler } from "./handler.js";
export type { MockHandler, MockHandlerOptions } from "./handler.js";
export type { MockErrorBody } from "./bodies.js";
export type { FieldError } from "./field-errors.js";
export type { MockRequestRecord, MockServer } from "./server.js";

export interface StartMockServerOptions {
  /** Port to listen on; 0 (the default) picks a free one, read it back from `port` or `url`. */
  readonly port?: number;
  /** Loopback address to listen on: 127.0.0.1 (the default), another 127.x address, ::1 or localhost. */
  readonly host?: string;
  /** Path of the OpenAPI 3.1 document to serve. Default: this repository's `spec/openapi.yaml`. */
  readonly spec?: string;
  /** Receives one line per answered request (method, path, status, duration; never a header). */
  readonly log?: (line: string) => void;
}

/**
 * Starts the mock on a loopback address and resolves once it listens.
 *
 * @example
 * const mock = await startMockServer();
 * const response = await fetch(`${mock.url}/api/v1/config/channels`, {
 *   headers: { "x-api-key": "test-key", "x-api-id": "test-id" },
 * });
 * expect(mock.requests).toEqual([{ method: "GET", path: "/api/v1/config/channels", status: 200 }]);
 * await mock.close();
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopback(host)) {
    // Tests talk to 127.0.0.1 only; the CLI's explicit --host is the one way to listen elsewhere.
    throw new Error(
      `@mehery/xms-mock-server: startMockServer listens on loopback addresses only, not ${host}`,
    );
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `@mehery/xms-mock-server: port must be an integer from 0 to 65535, not ${port}`,
    );
  }
  const handler = await createMockHandler(options.spec === undefined ? {} : { spec: options.spec });
  return listen({ handler, host, port, log: options.log });
}
