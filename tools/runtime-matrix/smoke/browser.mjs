// @ts-check
// Entry for the browser, bundled by esbuild: runs the client part against the mock server whose
// URL the page gives in `window.XMS_BASE_URL`, and leaves the outcome in `window.smokeResult`.
import * as clientModule from "@mehery/xms-client";
import { clientSmoke } from "./core.mjs";

const page = /** @type {typeof globalThis & { XMS_BASE_URL?: string, smokeResult?: unknown }} */ (
  globalThis
);
const baseUrl = page.XMS_BASE_URL ?? "";

/** A page shows its API key to every visitor: without the opt-in, createClient must refuse. */
function refusesWithoutOptIn() {
  try {
    clientModule.createClient({
      apiKey: "runtime-matrix-key",
      apiId: "runtime-matrix-id",
      baseUrl,
    });
    return false;
  } catch {
    return true;
  }
}

page.smokeResult = await clientSmoke(clientModule, baseUrl, { dangerouslyAllowBrowser: true }).then(
  (client) => ({ ok: true, client, refusesWithoutOptIn: refusesWithoutOptIn() }),
  (/** @type {unknown} */ error) => ({ ok: false, error: String(error) }),
);
