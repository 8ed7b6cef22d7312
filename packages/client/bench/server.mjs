// The loopback server of the benchmark, run in a child process so that its work does not share
// the client's event loop. Answers every request with the same small JSON body.
import { createServer } from "node:http";

const body = JSON.stringify({
  message: "OK",
  messageKey: "SUCCESS",
  status: "200",
  statusKey: "SUCCESS",
  timestamp: 1696599000000,
  traceid: "6520d5f8a1b2c3d4e5f60718",
  results: [{ channelId: "sms:MEHERY", contactType: "SMS", lane: "MEHERY", name: "Alerts" }],
  data: { id: "gBEGkYiEB1VXAglK1ZEqA1YKPrU" },
});
const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.(server.address().port));
process.on("disconnect", () => process.exit(0));
