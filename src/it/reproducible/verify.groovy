import dev.containerize.image.StopOnSignal
import dev.containerize.testing.ImageInspection

def log = new File(logs, 'reproducible/build.log').text
assert log.contains('container:build skipped: ') && log.contains('has no package.json') :
    'the aggregator without package.json must be passed over with one line'

def a = ImageInspection.manifestDigest("${registry}/it/reproducible:copy-a".toString())
def b = ImageInspection.manifestDigest("${registry}/it/reproducible:copy-b".toString())
assert a == b : "two builds of the same sources gave different digests: $a and $b"

def config = ImageInspection.config("${registry}/it/reproducible:copy-a".toString())
assert config.get('created').asText().startsWith('1970-01-01T00:00:00')
assert config.get('config').get('Entrypoint').collect { it.asText() } ==
    ['node', '--import', StopOnSignal.MODULE_URL, 'lib/index.js']
return true
