import express, { type Request } from "express";
import { createNodeMiddleware } from "../../src/index.js";
import { listen } from "../helpers/server.js";
import { receiverContract } from "./contract.js";

receiverContract("Express (no body parser)", {
  start: async (webhooks) => {
    const app = express();
    app.use(createNodeMiddleware(webhooks, { path: "/webhooks" }));
    return `${await listen(app)}/webhooks`;
  },
});

receiverContract("Express after express.json()", {
  parsesJson: true,
  readsBodyFirst: true,
  start: async (webhooks) => {
    const app = express();
    app.use(express.json());
    app.use(createNodeMiddleware(webhooks, { path: "/webhooks" }));
    return `${await listen(app)}/webhooks`;
  },
});

receiverContract("Express after express.json() keeping req.rawBody", {
  parsesJson: true,
  readsBodyFirst: true,
  start: async (webhooks) => {
    const app = express();
    app.use(
      express.json({
        verify: (req, _res, buf) => {
          (req as Request & { rawBody?: Buffer }).rawBody = buf;
        },
      }),
    );
    app.use(createNodeMiddleware(webhooks, { path: "/webhooks" }));
    return `${await listen(app)}/webhooks`;
  },
});

receiverContract("Express after express.raw() (Buffer body)", {
  readsBodyFirst: true,
  start: async (webhooks) => {
    const app = express();
    app.use(express.raw({ type: "application/json" }));
    app.use("/webhooks", createNodeMiddleware(webhooks, { path: "/webhooks" }));
    return `${await listen(app)}/webhooks`;
  },
});
