// A small HTTP service: answers on PORT (default 8080) and reports facts about its runtime.
const http = require("http");
const fs = require("fs");
const path = require("path");
const debug = require("debug");

const buildInfo = require("./dist/build-info.json");
const log = debug("it");

function resolves(name, from = __dirname) {
  try {
    require.resolve(name, { paths: [from] });
    return true;
  } catch {
    return false;
  }
}

function canWriteOwnFiles() {
  try {
    fs.appendFileSync(path.join(__dirname, "server.js"), "");
    return true;
  } catch {
    return false;
  }
}

const server = http.createServer((req, res) => {
  log("%s %s", req.method, req.url);
  if (req.url === "/runtime") {
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        uid: process.getuid(),
        nodeEnv: process.env.NODE_ENV,
        // ms is what debug needs; is-number is a devDependency.
        transitivePresent: resolves("ms", path.dirname(require.resolve("debug/package.json"))),
        devDependencyPresent: resolves("is-number"),
        canWriteOwnFiles: canWriteOwnFiles(),
      }),
    );
    return;
  }
  res.end(`hello from ${buildInfo.name} ${buildInfo.version}\n`);
});

const port = Number(process.env.PORT || 8080);
server.listen(port, () => console.log(`listening on ${port}`));
