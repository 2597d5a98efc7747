const http = require("http");
const ms = require("ms");

const port = Number(process.env.PORT || 8080);
http
  .createServer((req, res) => res.end(`it-interrupted-build answers after ${ms(1500)}\n`))
  .listen(port);
