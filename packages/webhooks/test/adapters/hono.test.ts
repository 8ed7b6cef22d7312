import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { listen } from "../helpers/server.js";
import { receiverContract } from "./contract.js";

receiverContract("Hono (@hono/node-server)", {
  start: async (webhooks) => {
    const app = new Hono();
    app.all("/webhooks", (c) => webhooks.handle(c.req.raw));
    return `${await listen(createServer(getRequestListener(app.fetch)))}/webhooks`;
  },
});
