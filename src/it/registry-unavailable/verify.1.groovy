import dev.containerize.image.StopOnSignal
import dev.containerize.testing.ImageInspection
import dev.containerize.testing.InvokerBuildLog
import com.fasterxml.jackson.databind.ObjectMapper

def faulty = context.faultyRegistry
def log = InvokerBuildLog.of(logs, 'registry-unavailable').lastRun().text()
assert faulty.count('.*', 'answered 503') == 3 : faulty.served()
def retries = log.readLines().findAll {
  it.startsWith('[WARNING] Pushing ') && it.contains(' retry ')
}
assert !retries.isEmpty() && retries.size() <= 3 : log
assert retries.every {
  it.contains('failed (503 Injected fault (UNAVAILABLE service unavailable) on ')
}
assert retries.first().endsWith('retry 1 of 3 in 2 s.') : retries.first()
assert log =~ /Built 127\.0\.0\.1:\d+\/it\/unavailable:1@sha256:[0-9a-f]{64}/

// The registry holds the whole image under the tag: the digest the build reported, and a config
// that starts the app.
def result = new ObjectMapper().readTree(new File(basedir, 'target/container-image.json'))
def image = "${registry}/it/unavailable:1".toString()
assert ImageInspection.manifestDigest(image) == result.get('imageDigest').asText()
assert ImageInspection.config(image).get('config').get('Entrypoint').collect { it.asText() } ==
    ['node', '--import', StopOnSignal.MODULE_URL, 'lib/main.js']
assert ImageInspection.readString(image, '/app/lib/main.js').contains('down for a while')
return true
