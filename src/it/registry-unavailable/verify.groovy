import dev.containerize.testing.ImageInspection
import dev.containerize.testing.InvokerBuildLog

def faulty = context.faultyRegistry
try {
  def second = InvokerBuildLog.of(logs, 'registry-unavailable').lastRun()
  def proxy = faulty.address()
  def error = second.error()
  assert error.contains(
      "The registry ${proxy} kept failing while building ${proxy}/it/unavailable:2") : error
  assert error.contains('503 Injected fault (UNAVAILABLE service unavailable) on GET ') : error
  assert error.contains('still after 3 retries') : error
  assert error.contains('run the build again') : error
  assert second.text().contains('MAVEN/MojoExecutionException') : 'not an environment error'
  def retries = second.text().readLines().findAll { it.startsWith('[WARNING] Pushing ') }
  assert retries.size() == 3 : retries
  assert retries.collect { it.replaceAll(/.* (retry \d of 3 in \d+ s\.)$/, '$1') } ==
      ['retry 1 of 3 in 2 s.', 'retry 2 of 3 in 4 s.', 'retry 3 of 3 in 8 s.']

  // Nothing tagged, nothing written; the first build's image is still there.
  assert !ImageInspection.exists("${registry}/it/unavailable:2".toString())
  assert ImageInspection.exists("${registry}/it/unavailable:1".toString())
  assert !new File(basedir, 'target/container-image.json').exists() : 'a result was written'
} finally {
  faulty?.close()
}
return true
