import dev.containerize.image.StopOnSignal
import dev.containerize.testing.ImageInspection
import dev.containerize.testing.RuncContainer
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files

def log = new File(logs, 'nextjs-server/build.log').text
def image = "${registry}/it/nextjs-server:1".toString()

// Without standalone output the build warns, naming the line and the config file to put it in.
def warning = log.readLines().find { it.contains('[WARNING] This Next.js app has no standalone') }
assert warning?.contains("Add `output: 'standalone'` to the config object in next.config.js")

// The image config: Next.js's own server through node (no npm), Next.js's environment and port.
def config = ImageInspection.config(image).get('config')
def env = config.get('Env').collect { it.asText() }
assert config.get('Entrypoint').collect { it.asText() } ==
    ['node', '--import', StopOnSignal.MODULE_URL, 'node_modules/next/dist/bin/next', 'start']
assert config.get('User').asText() == '1000:1000'
['NODE_ENV=production', 'PORT=3000', 'HOSTNAME=0.0.0.0', 'NEXT_TELEMETRY_DISABLED=1'].each {
  assert env.contains(it) : "$it missing from the image environment"
}
assert !env.any { it.contains('NEXT_PUBLIC_BUILD_LABEL') } : 'a build variable is in the image'
assert config.get('ExposedPorts').has('3000/tcp')

// Layers: production dependencies, the build output (although .dockerignore names .next, as
// Dockerfile builds need), public; not the build cache, secrets or ignored files.
def entries = ImageInspection.layers(image).flatten().findAll { it.path().startsWith('/app') }
def paths = entries.collect { it.path() } as Set
['/app/node_modules/next/dist/bin/next', '/app/node_modules/react/package.json',
 '/app/.next/BUILD_ID', '/app/.next/server/app/page.js', '/app/public/robots.txt',
 '/app/next.config.js', '/app/package.json'].each {
  assert paths.contains(it) : "$it is missing"
}
assert paths.any { it.startsWith('/app/.next/static/chunks/') } : '.next/static is missing'
assert !paths.any { it.startsWith('/app/.next/cache/') } : 'the build cache is in the image'
assert !paths.any { it =~ /\/\.env[^\/]*$/ } : 'an .env file is in a layer'
assert !paths.contains('/app/README.md') : '.dockerignore was not honoured'
assert !paths.any { it.contains('/node_modules/.bin') } : 'node_modules/.bin shipped'
def cache = entries.findAll { it.path() == '/app/.next/cache' }
assert cache && cache.every { it.uid() == 1000 && it.type().name() == 'DIRECTORY' }
assert entries.findAll { it.uid() != 0 }.every { it.path() == '/app/.next/cache' } :
    'something besides .next/cache is owned by the app user'

// Run it: the page reads GREETING at run time, the route handler, a chunk and a public file.
def port = RuncContainer.freePort()
def work = Files.createTempDirectory(new File(basedir, 'target').toPath(), 'runc')
RuncContainer.start(image, work, [PORT: port.toString(), GREETING: 'hello-at-run-time'])
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
return true
