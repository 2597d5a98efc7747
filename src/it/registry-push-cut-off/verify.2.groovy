import dev.containerize.testing.ImageInspection
import dev.containerize.testing.InvokerBuildLog

def faulty = context.faultyRegistry
def second = InvokerBuildLog.of(logs, 'registry-push-cut-off').lastRun()
def proxy = faulty.address()
def error = second.error()
assert error.contains("The registry ${proxy} kept failing while building ${proxy}/it/cut-off:1:"
    + ' an upload broken off by a dropped connection') : error
assert error.contains('BLOB_UPLOAD_INVALID') && error.contains('still after 3 retries') : error
assert second.text().contains('MAVEN/MojoExecutionException') : 'not an environment error'
assert second.text().readLines().count {
  it.startsWith('[WARNING] Pushing ') && it.contains(' retry ')
} == 3

// Each of the four attempts had its upload cut; no manifest was sent, so tag 1 still names the
// first, complete image.
assert faulty.count('PATCH .*', 'cut after 65536 bytes') == 4 : faulty.served()
assert faulty.count('PUT /v2/it/cut-off/manifests/.*', '.*') == 1 : faulty.served()
assert ImageInspection.manifestDigest("${registry}/it/cut-off:1".toString()) == context.firstDigest
assert !new File(basedir, 'target/container-image.json').exists() : 'a result was written'
return true
