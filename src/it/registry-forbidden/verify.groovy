import dev.containerize.testing.ImageInspection

def faulty = context.faultyRegistry
try {
  def log = new File(logs, 'registry-forbidden/build.log').text
  def proxy = faulty.address()
  def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
  assert error != null : 'the build did not fail with an error line'
  assert error.contains("The registry ${proxy} refused the push to ${proxy}/it/forbidden") : error
  assert error.contains('(403 Forbidden: DENIED requested access to the resource is denied)') : error
  assert error.contains('may not push to that repository') : error
  assert error.contains("<id>${proxy}</id>") && error.contains('docker login') : error
  // A 403 is not retried, and no red lines from Jib repeat the error.
  assert !log.contains('retry 1 of') : 'a 403 was retried'
  assert !log.contains('\u001B[31;1m') : 'Jib\'s red lines reached the log'

  // Nothing reached the registry: no upload, no manifest, no tag.
  assert faulty.count('(POST|PUT|PATCH) .*', 'forwarded .*') == 0 : faulty.served()
  assert faulty.count('POST .*', 'answered 403') >= 1 : faulty.served()
  assert !ImageInspection.exists("${registry}/it/forbidden:1".toString())
  assert !new File(basedir, 'target/container-image.json').exists() : 'a result was written'
} finally {
  faulty?.close()
}
return true
