// A small HTTP service: answers on PORT (default 8080) and reports facts about its runtime.
const express = require("express");
const fs = require("fs");
const path = require("path");

const app = express();
const buildInfo = require("./dist/build-info.json");

app.get("/", (req, res) => res.send(`hello from ${buildInfo.name} ${buildInfo.version}\n`));

app.get("/runtime", (req, res) => {
  let devDependencyPresent = true;
  try {
    require.resolve("is-number");
  } catch {
    devDependencyPresent = false;
  }
  let canWriteOwnFiles = true;
  try {
    fs.appendFileSync(path.join(__dirname, "server.js"), "");
  } catch {
    canWriteOwnFiles = false;
  }
  res.json({
    uid: process.getuid(),
    gid: process.getgid(),
    nodeEnv: process.env.NODE_ENV,
    devDependencyPresent,
    canWriteOwnFiles,
    cwd: process.cwd(),
  });
});

const port = Number(process.env.PORT || 8080);
app.listen(port, () => console.log(`listening on ${port}`));
