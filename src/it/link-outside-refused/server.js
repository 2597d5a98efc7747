// Serves what the shared folder holds; that folder is a link out of the project.
const http = require("http");
const fs = require("fs");
http
  .createServer((req, res) => res.end(fs.readFileSync("shared/settings.json")))
  .listen(Number(process.env.PORT || 8080));
