import { createClient, DEFAULT_BASE_URL, type XmsClient } from "@mehery/xms-client";

/** Who the examples send to, and over which channel. */
export interface Recipient {
  /** One of your channels (`xms.config.listChannels()` lists them). */
  channelId: string;
  /** The customer's phone number, with its country code and no `+`. */
  phone: string;
}

/**
 * A client configured from the environment: `XMS_BASE_URL` (default: production),
 * `XMS_API_KEY` and `XMS_API_ID`. createClient throws an XmsError naming the variable when a
 * credential is missing.
 */
export function clientFromEnv(env: NodeJS.ProcessEnv = process.env): XmsClient {
  return createClient({
    baseUrl: env.XMS_BASE_URL || DEFAULT_BASE_URL,
    apiKey: env.XMS_API_KEY,
    apiId: env.XMS_API_ID,
  });
}

/** The recipient from `XMS_CHANNEL_ID` and `XMS_TO_PHONE`; the defaults are the spec's examples. */
export function recipientFromEnv(env: NodeJS.ProcessEnv = process.env): Recipient {
  return {
    channelId: env.XMS_CHANNEL_ID || "wa360:918828218374",
    phone: env.XMS_TO_PHONE || "919988776655",
  };
}
