import dev.containerize.testing.ImageInspection
import dev.containerize.testing.InvokerBuildLog

def faulty = context.faultyRegistry
try {
  def log = InvokerBuildLog.of(logs, 'registry-forbidden')
  def proxy = faulty.address()
  def error = log.error()
  assert error.contains("The registry ${proxy} refused the push to ${proxy}/it/forbidden") : error
  assert error.contains(
      '(403 Forbidden: DENIED requested access to the resource is denied)') : error
  assert error.contains('may not push to that repository') : error
  assert error.contains("<id>${proxy}</id>") && error.contains('docker login') : error
  assert log.text().contains('MAVEN/MojoFailureException') : 'not a configuration error'
  // A 403 is not retried, and no red lines from Jib repeat the error.
  assert !log.text().contains('retry 1 of') : 'a 403 was retried'
  assert !log.text().contains('\u001B[31;1m') : 'Jib\'s red lines reached the log'

  // Nothing reached the registry: no upload, no manifest, no tag.
  assert faulty.count('(POST|PUT|PATCH) .*', 'forwarded .*') == 0 : faulty.served()
  assert faulty.count('POST .*', 'answered 403') >= 1 : faulty.served()
  assert !ImageInspection.exists("${registry}/it/forbidden:1".toString())
  assert !new File(basedir, 'target/container-image.json').exists() : 'a result was written'
} finally {
  faulty?.close()
}
return true
