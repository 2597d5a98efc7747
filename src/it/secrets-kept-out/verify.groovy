import dev.containerize.testing.ImageInspection
import dev.containerize.testing.RuncContainer
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files

def log = new File(logs, 'secrets-kept-out/build.log').text
def image = "${secureRegistry}/it/secrets:1".toString()
assert log.contains("Built ${image}@sha256:") : 'the build or the push with <to><auth> failed'
ImageInspection.login(secureRegistry, 'itest', 's3cret-pass')

// Every token planted in the project, its .git folders, its build output, its installed package
// and pom.xml (the build variable), found in the files themselves so that none is forgotten.
def tokens = [] as SortedSet
basedir.eachFileRecurse(groovy.io.FileType.FILES) { file ->
  def relative = basedir.toPath().relativize(file.toPath()).toString()
  if (!relative.startsWith('target/') && !relative.endsWith('.tgz')) {
    tokens.addAll((file.getText('ISO-8859-1') =~ /tok-[a-z0-9-]+-9c41e7/).collect { it })
  }
}
['tok-dotenv-9c41e7', 'tok-nested-dotenv-staging-9c41e7', 'tok-npmrc-9c41e7',
 'tok-yarnrc-yml-9c41e7', 'tok-id-rsa-9c41e7', 'tok-server-key-9c41e7', 'tok-git-remote-9c41e7',
 'tok-nested-git-9c41e7', 'tok-aws-credentials-9c41e7', 'tok-gcloud-adc-9c41e7',
 'tok-build-environment-9c41e7', 'tok-dep-dotenv-9c41e7',
 'tok-dep-npmrc-9c41e7', 'tok-dep-git-9c41e7', 'tok-dep-aws-9c41e7'].each {
  assert tokens.contains(it) : "$it was not planted"
}
def installed = new File(basedir, 'node_modules/leaky-config')
['.env', '.npmrc', '.git/config', '.aws/credentials', '.ssh/id_rsa'].each {
  assert new File(installed, it).isFile() : "npm did not install leaky-config/$it"
}
assert new File(basedir, 'dist/.env.production').isFile() : 'the build script did not run'
assert tokens.size() == 36 : tokens

// No layer (names or bytes, base image included), nor the config or manifest, holds a token or
// the registry password; the search finds what is there, in the app's and the package's files.
def secrets = (tokens + ['s3cret-pass']) as String[]
ImageInspection.assertContainsNone(image, secrets)
def canaries = ImageInspection.occurrences(image, 'app-canary-5d2e', 'leaky-config-canary-5d2e',
    'NODE_ENV=production')
assert canaries.any { it.startsWith('"app-canary-5d2e" in /app/server.js of layer') } : canaries
assert canaries.any {
  it.startsWith('"leaky-config-canary-5d2e" in /app/node_modules/leaky-config/index.js')
} : canaries
assert canaries.contains('"NODE_ENV=production" in the config') : canaries

// The secret files are gone by name too, wherever they were; a package's certificate stays.
def paths = ImageInspection.layers(image).flatten().collect { it.path() }.findAll {
  it.startsWith('/app')
}
def forbiddenNames = [/\.env(\..*)?/, /\.npmrc/, /\.yarnrc(\.yml)?/, /\.netrc/, /\.git/, /\.ssh/,
    /\.aws/, /\.azure/, /\.docker/, /\.gnupg/, /gcloud/, /id_rsa/, /id_ed25519/,
    /.+\.(key|p12|pfx)/, /server\.pem/, /credentials\.json/, /service-account-prod\.json/,
    /pom\.xml/, /vendor/]
def forbidden = ~('.*/(' + forbiddenNames.join('|') + ')(/.*)?')
assert paths.findAll { it ==~ forbidden }.isEmpty() : paths.findAll { it ==~ forbidden }
assert paths.contains('/app/node_modules/leaky-config/certs/roots.pem')
assert paths.contains('/app/dist/info.json') && paths.contains('/app/lib/keys/index.js')
assert paths.contains('/app/node_modules/leaky-config/config/index.js')

// Neither the log nor what the build leaves in target/ holds the password or a token.
def leaked = secrets.findAll { log.contains(it) }
assert leaked.isEmpty() : "the build log holds ${leaked}"
// (The layer cache holds the layers searched above, compressed.)
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { file ->
  if (file.path.contains('/layer-cache/')) {
    return
  }
  def text = file.getText('ISO-8859-1')
  assert !secrets.any { text.contains(it) } : "${file} holds a secret"
}

// The image runs without them, with its package, and sees none of the secret files.
def port = RuncContainer.freePort()
def work = Files.createTempDirectory(new File(basedir, 'target').toPath(), 'runc')
RuncContainer.start(image, work, [PORT: port.toString()]).withCloseable { c ->
  def answer = new ObjectMapper().readTree(c.get(port, '/'))
  assert answer.get('greeting').asText() == 'hello from leaky-config'
  assert answer.get('day').asInt() == 86400000
  assert answer.get('visible').size() == 0 : answer
}
return true
