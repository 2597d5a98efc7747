import dev.containerize.testing.ImageInspection
import dev.containerize.testing.RuncContainer
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files

def log = new File(logs, 'yarn-workspace/build.log').text
def api = "${registry}/it/yarn-api:1".toString()

// -pl apps/api -am: the root is passed over, the admin app is not part of the build.
assert log.contains('container:build skipped: ') && log.contains('only declares a workspace') :
    'the workspace root must be passed over with one line'
assert log.contains('Containerizing api as ')
assert !log.contains('Containerizing admin')
// packageManager names Yarn 4.18.1; the PATH has Yarn 1, so that release runs through npm exec.
assert log =~ /Package manager: yarn 4\.18\.1 \("packageManager" in .*package\.json\), run with npm exec since the PATH has yarn 1\./
assert log.contains('Install: npm exec --yes --package=@yarnpkg/cli-dist@4.18.1 -- yarn install' +
    ' --immutable (in the workspace root')
assert log.contains('Build: npm exec --yes --package=@yarnpkg/cli-dist@4.18.1 -- yarn run build')

def paths = ImageInspection.files(api)
assert paths.contains('/app/node_modules/@acme/greet/index.js') : 'the workspace package'
assert paths.contains('/app/node_modules/@acme/greet/node_modules/debug/package.json') :
    'debug 4 of the workspace package'
assert !paths.any { it.contains('/kleur') } : "the admin app's dependency is in the api image"
assert !paths.any { it.contains('/.yarn') || it.endsWith('.yarnrc.yml') } : 'Yarn files'
assert !paths.any { it == '/app/node_modules/api' } : 'the app linked into itself'

def target = new File(basedir, 'target')
target.mkdirs()
def port = RuncContainer.freePort()
def work = Files.createTempDirectory(target.toPath(), 'runc')
RuncContainer.start(api, work, [PORT: port.toString()]).withCloseable { c ->
  def answer = new ObjectMapper().readTree(c.get(port, '/'))
  assert answer.get('greeting').asText() == 'hello api from @acme/greet'
  assert answer.get('debug').asText() == '2.6.9'
  assert answer.get('ms').asText() == '2.0.0'
  assert answer.get('greet').get('debug').asText() == '4.4.0'
  assert answer.get('greet').get('ms').asText() == '2.1.3'
  assert answer.get('build').get('builtBy').asText() == 'yarn run build'
  assert answer.get('otherAppDependencyAbsent').asBoolean()
}
return true
