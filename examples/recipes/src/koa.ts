import Koa from "koa";
import { createNodeMiddleware, createWebhooks } from "@mehery/xms-webhooks";

const webhooks = createWebhooks({ verifyToken: process.env.XMS_VERIFY_TOKEN!, dedupe: true });
webhooks.on("message.text", ({ payload }) => console.log(`text from ${payload.from}`));

const middleware = createNodeMiddleware(webhooks);

export const app = new Koa();
// Mount it before any body parser (@koa/bodyparser): the middleware reads the stream itself,
// and a stream a parser consumed cannot be read again.
app.use(async (ctx, next) => {
  if (ctx.path !== "/webhooks" && !ctx.path.startsWith("/webhooks/")) return next();
  ctx.respond = false; // the middleware writes the answer to ctx.res itself
  await middleware(ctx.req, ctx.res);
});
// app.listen(3000);
