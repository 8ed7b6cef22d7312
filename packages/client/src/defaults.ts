/** The production base URL of the XMS Messaging API. */
export const DEFAULT_BASE_URL = "https://api.mehery.xyz/xms";
