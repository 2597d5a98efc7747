import dev.containerize.image.StopOnSignal
import dev.containerize.testing.ImageInspection
import dev.containerize.testing.RuncContainer
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files

def log = new File(logs, 'node-app/build.log').text
def image = "${registry}/it/node-app:1"

// The first build installs and builds; the second finds nothing to do.
def second = log.substring(log.lastIndexOf('Containerizing it-node-app'))
assert log.contains('Install: npm ci')
assert second.contains('Install: up to date')
assert second.contains('Build: up to date')
assert second =~ /Layer app:\s+\d+ files .* unchanged \(cached\)/
assert log =~ /Built 127\.0\.0\.1:\d+\/it\/node-app:1@sha256:[0-9a-f]{64}/

// target/container-image.json names what was pushed.
def result = new ObjectMapper().readTree(new File(basedir, 'target/container-image.json'))
assert result.get('image').asText() == image.toString()
assert result.get('imageDigest').asText() == ImageInspection.manifestDigest(image.toString())
assert ImageInspection.manifestDigest("${registry}/it/node-app:latest".toString()) ==
    result.get('imageDigest').asText()

// The image config: exec-form node, non-root numeric user, production, the port.
def config = ImageInspection.config(image.toString()).get('config')
assert config.get('Entrypoint').collect { it.asText() } ==
    ['node', '--import', StopOnSignal.MODULE_URL, 'server.js']
assert config.get('User').asText() == '1000:1000'
assert config.get('WorkingDir').asText() == '/app'
assert config.get('Env').collect { it.asText() }.contains('NODE_ENV=production')
assert config.get('ExposedPorts').has('8080/tcp')
assert config.get('Labels').get('org.opencontainers.image.title').asText() == 'it-node-app'

// Layers: dependencies then app; secrets, build files and .dockerignore'd files in none.
def entries = ImageInspection.layers(image.toString()).flatten().findAll {
  it.path().startsWith('/app')
}
def paths = entries.collect { it.path() } as Set
assert paths.contains('/app/node_modules/express/package.json') : 'express is missing'
assert !paths.any { it.startsWith('/app/node_modules/is-number') } : 'devDependency shipped'
assert !paths.any { it.contains('/node_modules/.bin') } : 'node_modules/.bin shipped'
['/app/.env', '/app/.env.local', '/app/.npmrc', '/app/pom.xml', '/app/.dockerignore',
 '/app/notes/plan.txt', '/app/target', '/app/build.log'].each {
  assert !paths.contains(it) : "$it is in the image"
}
assert entries.every { it.uid() == 0 && it.gid() == 0 } : 'app files must be owned by root'
assert entries.find { it.path() == '/app/bin/tool.sh' }.octalMode() == '755'
assert entries.find { it.path() == '/app/server.js' }.octalMode() == '644'
assert !entries.any { it.type().name() == 'SYMLINK' } : 'a symbolic link under /app'
// Nor does any layer, nor the config, hold the secret lines of .env, .env.local and .npmrc (read
// from the files: this script is in the image).
def secretLines = ['.env', '.env.local', '.npmrc'].collectMany { name ->
  new File(basedir, name).readLines().findAll { it =~ /(?i)token|secret|local/ }
}
assert secretLines.size() == 3 : secretLines
ImageInspection.assertContainsNone(image.toString(), secretLines as String[])

// Run it: it answers, as uid 1000, in production, without devDependencies or write access.
def port = RuncContainer.freePort()
def work = Files.createTempDirectory(new File(basedir, 'target').toPath(), 'runc')
RuncContainer.start(image.toString(), work, [PORT: port.toString()]).withCloseable { c ->
  assert c.get(port, '/').contains('hello from it-node-app 1.0.0')
  def runtime = new ObjectMapper().readTree(c.get(port, '/runtime'))
  assert runtime.get('uid').asInt() == 1000
  assert runtime.get('nodeEnv').asText() == 'production'
  assert !runtime.get('devDependencyPresent').asBoolean()
  assert !runtime.get('canWriteOwnFiles').asBoolean()
}

// build-tar wrote a tar that skopeo reads as an image.
def tar = new File(basedir, 'target/container-image.tar')
assert tar.isFile()
def inspected = dev.containerize.testing.Command.run(
    'skopeo', 'inspect', "docker-archive:${tar}".toString())
assert inspected.contains('"Architecture": "amd64"')
return true
