import dev.containerize.testing.ImageInspection
import dev.containerize.testing.RuncContainer
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files

def log = new File(logs, 'yarn-classic/build.log').text
def image = "${registry}/it/yarn-classic:1".toString()

// Yarn 1 from the PATH, as packageManager names it, with its frozen install and the build.
assert log =~ /Package manager: yarn 1\.22\.22 from the PATH \("packageManager" in .*package\.json\)/
assert log.contains('Install: yarn install --frozen-lockfile')
assert log.contains('Build: yarn run build')

// Production packages only, as real files; no Yarn or Maven files.
def paths = ImageInspection.files(image)
['/app/node_modules/debug/package.json', '/app/node_modules/ms/package.json',
 '/app/server.js', '/app/build-info.json'].each { assert paths.contains(it) : "$it is missing" }
assert !paths.any { it.startsWith('/app/node_modules/kleur') } : 'a devDependency is in the image'
assert !paths.any { it.contains('/.yarn') } : 'Yarn files'
assert !paths.any { it.endsWith('/pom.xml') || it.contains('/target/') } : 'Maven files'

def port = RuncContainer.freePort()
def work = Files.createTempDirectory(new File(basedir, 'target').toPath(), 'runc')
RuncContainer.start(image, work, [PORT: port.toString()]).withCloseable { c ->
  def answer = new ObjectMapper().readTree(c.get(port, '/'))
  assert answer.get('debug').asText() == '2.6.9'
  assert answer.get('ms').asText() == '2.0.0'
  assert answer.get('humanized').asText() == '2m'
  assert answer.get('devDependencyAbsent').asBoolean()
  assert answer.get('build').get('builtBy').asText() == 'yarn run build'
  assert answer.get('uid').asInt() == 1000
  assert answer.get('nodeEnv').asText() == 'production'
}
return true
