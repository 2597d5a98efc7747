// Answers with the SHA-256 of lib/payload.bin, so that a test can tell the whole layer arrived.
const crypto = require("crypto");
const fs = require("fs");
const http = require("http");
const path = require("path");

const payload = fs.readFileSync(path.join(__dirname, "payload.bin"));
const digest = crypto.createHash("sha256").update(payload).digest("hex");
const port = Number(process.env.PORT || 8080);
http
  .createServer((req, res) => res.end(`${digest} ${payload.length}\n`))
  .listen(port, () => console.log(`listening on ${port}`));
