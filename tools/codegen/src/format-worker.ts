// The formatting thread of format.ts: prettier, loaded (with the parser plugins the large files
// need) while the main thread reads the spec and runs openapi-typescript and ajv.
import { parentPort } from "node:worker_threads";
import prettier, { type Options } from "prettier";

export interface FormatRequest {
  id: number;
  source: string;
  options: Options;
}

export type FormatResponse = { id: number; formatted: string } | { id: number; error: string };

const port = parentPort!;
const warm = prettier.format(";", { parser: "babel" });

port.on("message", async ({ id, source, options }: FormatRequest) => {
  let response: FormatResponse;
  try {
    await warm;
    response = { id, formatted: await prettier.format(source, options) };
  } catch (error) {
    response = { id, error: (error as Error).message };
  }
  port.postMessage(response);
});
