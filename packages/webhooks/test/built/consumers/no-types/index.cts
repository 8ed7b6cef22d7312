// The CommonJS types (dist/index.d.cts) of the same entry, in the same project.
import { createWebhooks } from "@mehery/xms-webhooks";

export const webhooks = createWebhooks({ verifyToken: "token" });
