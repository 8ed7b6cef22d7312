// Type-checked by `tsc -p test/strict` (in `pnpm typecheck`) under exactOptionalPropertyTypes.
import { createClient, type CallOptions, type ClientOptions } from "../../src/index.js";

const options: ClientOptions = {
  apiKey: process.env.XMS_API_KEY,
  apiId: process.env.XMS_API_ID,
  baseUrl: process.env.XMS_BASE_URL,
  maxRetries: process.env.RETRIES === undefined ? undefined : Number(process.env.RETRIES),
};
const xms = createClient(options);

export async function send(signal?: AbortSignal, timeoutMs?: number): Promise<string | undefined> {
  const call: CallOptions = { signal, timeoutMs };
  const sent = await xms.messages.send(
    {
      channelId: "wa360:918828218374",
      to: { phone: "919988776655" },
      type: "text",
      text: { body: "Your order has shipped." },
    },
    call,
  );
  await xms.GET("/api/v1/config/channels", { timeoutMs, maxRetries: 1 });
  return sent.data?.id;
}

// @ts-expect-error the path API types its retry options: a string count does not compile
void xms.GET("/api/v1/config/channels", { maxRetries: "none" });

// The path API takes the same optional values: an optional signal and per-call options.
export async function listViaPathApi(signal?: AbortSignal, maxRetries?: number) {
  const { data } = await xms.GET("/api/v1/config/channels", { signal, maxRetries });
  return data?.results;
}
