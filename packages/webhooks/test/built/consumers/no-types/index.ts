// A project without @types/node (a browser, Deno or edge app): the main entry must compile.
import {
  createNodeMiddleware,
  createWebhooks,
  isXmsWebhooksError,
  type NodeMiddleware,
} from "@mehery/xms-webhooks";

const webhooks = createWebhooks({ verifyToken: "token", bodyTimeoutMs: 5000 });
webhooks.on("message.text", ({ payload }) => {
  const id: string = payload.id;
  return id;
});
webhooks.onError((error) => {
  if (isXmsWebhooksError(error) && "status" in error) console.log(error.status, error.reason);
});
export const middleware: NodeMiddleware = createNodeMiddleware(webhooks, { path: "/webhooks" });
export const fetchHandler = (request: Request): Promise<Response> => webhooks.handle(request);
export const verified: Promise<boolean> = webhooks.verify(new Headers());
