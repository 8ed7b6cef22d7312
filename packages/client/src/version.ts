declare const __XMS_CLIENT_VERSION__: string;

/** The version of @mehery/xms-client, sent in the default User-Agent (`xms-client/<version>`). */
export const VERSION: string = __XMS_CLIENT_VERSION__;
