const http = require("http");
http.createServer((req, res) => res.end("hello\n")).listen(process.env.PORT || 3000);
