import dev.containerize.image.StopOnSignal
import dev.containerize.testing.ImageInspection
import dev.containerize.testing.RuncContainer
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files

def log = new File(logs, 'nextjs-standalone/build.log').text
def first = "${registry}/it/nextjs-standalone:1".toString()
def second = "${registry}/it/nextjs-standalone:2".toString()

assert log.contains('Next.js standalone output (next.config.mjs): server.js')
assert !log.contains('has no standalone output')
assert log.contains('Build: npm run build:edited')

// The image config: node server.js, non-root, Next.js's run-time environment and port.
def config = ImageInspection.config(first).get('config')
def env = config.get('Env').collect { it.asText() }
assert config.get('Entrypoint').collect { it.asText() } ==
    ['node', '--import', StopOnSignal.MODULE_URL, 'server.js']
assert config.get('User').asText() == '1000:1000'
assert config.get('WorkingDir').asText() == '/app'
['NODE_ENV=production', 'PORT=3000', 'HOSTNAME=0.0.0.0', 'NEXT_TELEMETRY_DISABLED=1'].each {
  assert env.contains(it) : "$it missing from the image environment"
}
assert !env.any { it.contains('NEXT_PUBLIC_BUILD_LABEL') } : 'a build variable is in the image'
assert config.get('ExposedPorts').has('3000/tcp')

// Layers: the traced server, public and .next/static where server.js expects them; no secrets,
// no SWC compiler (only the traced dependencies); only .next/cache belongs to the app's user.
def entries = ImageInspection.layers(first).flatten().findAll { it.path().startsWith('/app') }
def paths = entries.collect { it.path() } as Set
['/app/server.js', '/app/.next/BUILD_ID', '/app/public/robots.txt',
 '/app/node_modules/next/package.json'].each {
  assert paths.contains(it) : "$it is missing"
}
assert paths.any { it.startsWith('/app/.next/static/chunks/') } : '.next/static is missing'
assert !paths.any { it =~ /\/\.env[^\/]*$/ } : 'an .env file is in a layer'
ImageInspection.assertContainsNone(first, 'from-env-production-not-for-the-image',
    'from-env-local-not-for-the-image')
assert !paths.any { it.startsWith('/app/node_modules/@next/swc-') } : 'SWC compiler shipped'
assert !paths.any { it.startsWith('/app/app/') } : 'page sources shipped'
assert !entries.any { it.type().name() == 'SYMLINK' } : 'a symbolic link under /app'
def cache = entries.findAll { it.path() == '/app/.next/cache' }
assert cache && cache.every { it.uid() == 1000 && it.type().name() == 'DIRECTORY' }
assert entries.findAll { it.uid() != 0 }.every { it.path() == '/app/.next/cache' } :
    'something besides .next/cache is owned by the app user'

// Run it: the page reads GREETING at run time, the route handler, a chunk and a public file.
def port = RuncContainer.freePort()
def work = Files.createTempDirectory(new File(basedir, 'target').toPath(), 'runc')
RuncContainer.start(first, work, [PORT: port.toString(), GREETING: 'hello-at-run-time'])
    .withCloseable { c ->
  def page = c.get(port, '/')
  assert page =~ /Greeting: (<!-- -->)?hello-at-run-time/
  assert page.contains('set-for-the-build') : 'NEXT_PUBLIC_ build variable not inlined'
  assert !page.contains('not-for-the-image') : '.env values reached the server'
  def chunk = (page =~ /\/_next\/static\/[^"']+\.js/)[0]
  assert c.request(port, chunk).status() == 200 : "$chunk is not served"
  assert c.get(port, '/robots.txt').contains('User-agent')
  def hello = new ObjectMapper().readTree(c.get(port, '/api/hello'))
  assert hello.get('hello').asText() == 'from a route handler'
  assert hello.get('uid').asInt() == 1000
  assert hello.get('canWriteCache').asBoolean()
  assert !hello.get('canWriteApp').asBoolean()
  assert !hello.get('canWriteServerFiles').asBoolean()
}

// After one page is edited, only two layers change and the dependencies keep their digest.
def before = ImageInspection.layerDigests(first)
def after = ImageInspection.layerDigests(second)
assert before.size() == after.size() : "layer count changed: $before vs $after"
def changed = (0..<before.size()).findAll { before[it] != after[it] }
assert changed.size() == 2 : "layers ${changed} changed, expected static and app only"
def dependencies = ImageInspection.layers(second).findIndexOf { layer ->
  layer.any { it.path() == '/app/node_modules/next/package.json' }
}
assert dependencies >= 0 && before[dependencies] == after[dependencies] :
    'the dependency layer was rebuilt for a page edit'
def work2 = Files.createTempDirectory(new File(basedir, 'target').toPath(), 'runc')
RuncContainer.start(second, work2, [PORT: port.toString(), GREETING: 'again']).withCloseable { c ->
  assert c.get(port, '/').contains('Edited greeting')
}
return true
