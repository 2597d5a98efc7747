// Answers on PORT with what its package says, and which secret files it can see.
const http = require("http");
const fs = require("fs");
const ms = require("ms");
const leaky = require("leaky-config");

const CANARY = "app-canary-5d2e";
const looked = [".env", ".npmrc", ".git", "node_modules/leaky-config/.env", "dist/.env.production"];

http
  .createServer((req, res) => {
    const visible = looked.filter((name) => fs.existsSync(name));
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ canary: CANARY, greeting: leaky.greeting, day: ms("1d"), visible }));
  })
  .listen(Number(process.env.PORT || 8080));
