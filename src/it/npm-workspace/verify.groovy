import dev.containerize.testing.ImageInspection
import dev.containerize.testing.RuncContainer
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files

def log = new File(logs, 'npm-workspace/build.log').text
def api = "${registry}/it/npm-api:1".toString()
def web = "${registry}/it/npm-web:1".toString()

// Built with -T 2: the root is passed over, the workspace installed once for both apps.
assert log.contains('Using the MultiThreadedBuilder') || log.contains('with a thread count of 2')
assert log.contains('container:build skipped: ') && log.contains('only declares a workspace') :
    'the workspace root must be passed over with one line'
assert log.count('Install: npm ci (in the workspace root') == 1
assert log.contains('earlier in this build')
assert log.contains('Next.js standalone output (next.config.mjs): apps/web/server.js')

def target = new File(basedir, 'target')
target.mkdirs()
def runImage = { String image, Closure check ->
  def port = RuncContainer.freePort()
  def work = Files.createTempDirectory(target.toPath(), 'runc')
  RuncContainer.start(image, work, [PORT: port.toString()]).withCloseable { c -> check(c, port) }
}
def mapper = new ObjectMapper()

// api: the shared package as real files in its own layer; none of the Next.js app's packages.
def apiLayers = ImageInspection.layers(api)
def apiPaths = apiLayers.flatten().collect { it.path() } as Set
assert apiPaths.contains('/app/node_modules/@acme/shared/index.js') : 'the workspace package'
assert !apiPaths.any { it.startsWith('/app/node_modules/next') || it.contains('/react') } :
    "the web app's dependencies are in the api image"
assert !apiLayers.flatten().any { it.path().startsWith('/app') && it.type().name() == 'SYMLINK' }
def holding = { String path -> apiLayers.takeRight(3).collect { l -> l.any { it.path() == path } } }
assert holding('/app/node_modules/@acme/shared/index.js') == [false, true, false] :
    'the workspace package must have a layer of its own, between dependencies and app'
runImage(api) { c, port ->
  def answer = mapper.readTree(c.get(port, '/'))
  assert answer.get('greeting').asText() == 'hello api from @acme/shared'
  assert answer.get('humanized').asText() == '2m'
  assert answer.get('debug').asText() == '2.6.9'
  assert answer.get('ms').asText() == '2.0.0'
  assert answer.get('kleur').asText() == '4.1.5'
  assert answer.get('shared').get('debug').asText() == '4.4.0'
  assert answer.get('shared').get('ms').asText() == '2.1.3'
  assert answer.get('otherAppDependencyAbsent').asBoolean()
}

// web: Next.js standalone from the monorepo, the shared package traced into it.
def webPaths = ImageInspection.files(web)
assert webPaths.contains('/app/apps/web/server.js')
assert !webPaths.any { it.contains('/node_modules/kleur') } : "the api's dependency is in web"
runImage(web) { c, port ->
  def page = c.get(port, '/')
  assert page.contains('hello web from @acme/shared')
  assert page =~ /Humanized: (<!-- -->)?2m/
  assert mapper.readTree(c.get(port, '/api/absent')).get('apiDependencyAbsent').asBoolean()
}
return true
