def log = new File(logs, 'dockerfile-not-overwritten/build.log').text
def dockerfile = new File(basedir, 'Dockerfile')

// The message names the file and both ways out; the user's Dockerfile is untouched and nothing
// was installed or written.
assert log.contains("${dockerfile.canonicalPath} exists and was not written by the plugin")
assert log.contains('-Dcontainer.dockerfile=target/Dockerfile')
assert log.contains('-Dcontainer.overwriteDockerfile=true')
assert dockerfile.text == 'FROM node:20-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n'
assert !new File(basedir, '.dockerignore').exists()
assert !new File(basedir, 'node_modules').exists()
assert !log.contains('Install: npm ci')
return true
