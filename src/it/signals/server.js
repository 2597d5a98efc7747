// An HTTP server that installs no signal handler, unless GRACEFUL=1 asks for one that drains
// the server and says so before it exits.
const http = require("http");
const ms = require("ms");

const port = Number(process.env.PORT || 8080);
const server = http.createServer((req, res) => {
  res.end(`up for ${ms(Math.round(process.uptime() * 1000))}\n`);
});

if (process.env.GRACEFUL === "1") {
  process.on("SIGTERM", () => {
    console.log("SIGTERM received: closing the server");
    server.close(() => {
      console.log("server closed");
      process.exit(0);
    });
  });
}

server.listen(port, () => console.log(`listening on ${port}`));
