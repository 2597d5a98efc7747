import dev.containerize.testing.ImageInspection
import dev.containerize.testing.RuncContainer
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files

def log = new File(logs, 'pnpm-workspace/build.log').text
def api = "${registry}/it/pnpm-api:1".toString()
def worker = "${registry}/it/pnpm-worker:1".toString()

// The root (it only declares the workspace) and the skipped shared package are passed over.
assert log.contains('container:build skipped: ') && log.contains('only declares a workspace') :
    'the workspace root must be passed over with one line'
assert log.contains('container:build skipped: container.skip is true for this module')
// Both apps found the workspace root; it was installed once, with the release it names.
assert log.count('Install: pnpm install --frozen-lockfile (in the workspace root') == 1
assert log.contains('Package manager: pnpm 10.34.9 from the PATH')
assert log.contains('earlier in this build')
assert log.contains('Build: pnpm run build')

def mapper = new ObjectMapper()
def runImage = { String image, Closure check ->
  def port = RuncContainer.freePort()
  def target = new File(basedir, 'target')
  target.mkdirs()
  def work = Files.createTempDirectory(target.toPath(), 'runc')
  RuncContainer.start(image, work, [PORT: port.toString()]).withCloseable { c ->
    check(mapper.readTree(c.get(port, '/')))
  }
}

// api: three layers (downloaded packages, the workspace package, the app), no links, no store.
def apiLayers = ImageInspection.layers(api)
def apiFiles = apiLayers.flatten().findAll { it.path().startsWith('/app/') }
def apiPaths = apiFiles.collect { it.path() } as Set
assert !apiFiles.any { it.type().name() == 'SYMLINK' } : 'a symbolic link under /app'
assert apiPaths.contains('/app/node_modules/@acme/greet/index.js') : 'the workspace package'
assert apiPaths.contains('/app/node_modules/@acme/greet/node_modules/debug/package.json') :
    'debug 4 of the workspace package'
assert !apiPaths.any { it.contains('/.pnpm') } : 'the pnpm store was copied'
assert !apiPaths.any { it.contains('/kleur') } : "the worker's dependency is in the api image"
assert !apiPaths.any { it.endsWith('/pom.xml') || it.contains('/target/') } : 'Maven files'
def holding = { String path -> apiLayers.takeRight(3).collect { l -> l.any { it.path() == path } } }
assert holding('/app/node_modules/@acme/greet/index.js') == [false, true, false] :
    'the workspace package must have a layer of its own, before the app'
assert holding('/app/node_modules/debug/package.json') == [true, false, false] :
    'downloaded packages must come first'
assert holding('/app/server.js') == [false, false, true] : 'the app must come last'

runImage(api) { answer ->
  assert answer.get('greeting').asText() == 'hello api from @acme/greet'
  assert answer.get('debug').asText() == '2.6.9'
  assert answer.get('ms').asText() == '2.0.0'
  assert answer.get('humanized').asText() == '2m'
  assert answer.get('greet').get('debug').asText() == '4.4.0'
  assert answer.get('greet').get('ms').asText() == '2.1.3'
  assert answer.get('greet').get('humanized').asText() == '2m'
  assert answer.get('build').get('builtBy').asText() == 'pnpm run build'
  assert answer.get('otherAppDependencyAbsent').asBoolean()
}

// worker: its own dependency only.
def workerPaths = ImageInspection.files(worker)
assert workerPaths.contains('/app/node_modules/kleur/package.json')
assert !workerPaths.any { it.startsWith('/app/node_modules/debug') || it.contains('@acme') } :
    "the api's dependencies are in the worker image"
runImage(worker) { answer ->
  assert answer.get('kleur').asText() == '4.1.5'
  assert answer.get('bold').asBoolean()
  assert answer.get('apiDependenciesAbsent').asBoolean()
}
// The second build: the worker edited one file. The api's image is the same image; the worker's
// differs in its app layer alone; and the registry was sent no blob twice, so the api got none
// and the worker only its new app layer and config.
def api2 = "${registry}/it/pnpm-api:2".toString()
def worker2 = "${registry}/it/pnpm-worker:2".toString()
assert log.contains('Build: pnpm run build:edited')
assert ImageInspection.manifestDigest(api2) == ImageInspection.manifestDigest(api) :
    'the api image changed although only the worker was edited'
def before = ImageInspection.layerDigests(worker)
def after = ImageInspection.layerDigests(worker2)
assert before.size() == after.size()
def changed = (0..<before.size()).findAll { before[it] != after[it] }
assert changed == [before.size() - 1] : "worker layers that changed: $changed (only the app's)"
def uploads = { String repository ->
  new File(registryLog).readLines().findAll {
    it.contains('http.request.method=PUT') && it.contains("/v2/it/${repository}/blobs/uploads/")
  }.collect { (it =~ /digest=(sha256(?::|%3A)[0-9a-f]{64})/)[0][1].replace('%3A', ':') }
}
def apiUploads = uploads('pnpm-api')
assert apiUploads.size() == apiUploads.toSet().size() : "the api's blobs were sent twice"
def workerUploads = uploads('pnpm-worker')
assert workerUploads.size() == workerUploads.toSet().size() : "the worker's blobs were sent twice"
def config2 = ImageInspection.manifest(worker2).get('config').get('digest').asText()
assert workerUploads.containsAll([after.last(), config2]) : 'the edited app layer was not sent'
return true
