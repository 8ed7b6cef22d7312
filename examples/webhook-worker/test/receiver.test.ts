import { describeReceiverExample } from "@mehery/example-test-kit";
import { start } from "../src/server.js";

describeReceiverExample({
  dir: new URL("..", import.meta.url),
  start,
  appRoute: { path: "/health", json: { ok: true } },
  sigtermExitCode: 143,
});
