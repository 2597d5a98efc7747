// The build: needs NPM_TOKEN (from <node><buildEnvironment>) without writing it anywhere, and,
// like some bundlers, copies an environment file into its output.
const fs = require("fs");
if (!process.env.NPM_TOKEN) {
  console.error("NPM_TOKEN is not set");
  process.exit(1);
}
fs.mkdirSync("dist", { recursive: true });
fs.writeFileSync("dist/info.json", JSON.stringify({ builtWithToken: true }) + "\n");
fs.copyFileSync(".env.production", "dist/.env.production");
