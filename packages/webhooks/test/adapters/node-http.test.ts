import { createNodeMiddleware } from "../../src/index.js";
import { listen } from "../helpers/server.js";
import { receiverContract } from "./contract.js";

receiverContract("node:http", {
  start: async (webhooks) => {
    const base = await listen(createNodeMiddleware(webhooks, { path: "/webhooks" }));
    return `${base}/webhooks`;
  },
});

receiverContract("node:http without a path option", {
  start: async (webhooks) => listen(createNodeMiddleware(webhooks)),
});
