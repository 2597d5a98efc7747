// The build step: records when and from what the app was built, as a real build would emit files.
const fs = require("fs");
const pkg = require("../package.json");
fs.mkdirSync("dist", { recursive: true });
fs.writeFileSync("dist/build-info.json", JSON.stringify({ name: pkg.name, version: pkg.version }) + "\n");
console.log("wrote dist/build-info.json");
