// What each failed build must show: one error line that starts as given, and a quick end.
context.checkFailure = { String expected ->
  def log = new File(logs, 'registry-unreachable/build.log').text
  def last = log.substring(log.lastIndexOf('Containerizing it-registry-faults'))
  def error = last.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
  assert error != null : 'the build did not fail with an error line'
  assert error.contains(': ' + expected) : error
  def seconds = (last =~ /Total time:\s+([\d.]+) s/)
  assert seconds.find() && (seconds.group(1) as double) < 20 : 'the build took too long: ' + last
  assert !last.contains('retry 1 of') && !last.contains('will be retried') : last
  // An environment problem: MojoExecutionException, not MojoFailureException.
  assert last.contains('MAVEN/MojoExecutionException') : last
  assert !new File(basedir, 'target/container-image.json').exists() : 'a result was written'
  return error
}
return true
