// Answers with every file of files/ (name and content) and the size and last bytes of the big file.
const http = require("http");
const fs = require("fs");

function describe() {
  const files = {};
  for (const name of fs.readdirSync("files")) {
    files[name] = fs.readFileSync(`files/${name}`, "utf8");
  }
  const big = fs.openSync("data/big.bin", "r");
  const size = fs.fstatSync(big).size;
  const tail = Buffer.alloc(16);
  fs.readSync(big, tail, 0, 16, size - 16);
  fs.closeSync(big);
  return { files, big: { size, tail: tail.toString("utf8") } };
}

http
  .createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(describe()));
  })
  .listen(Number(process.env.PORT || 8080));
