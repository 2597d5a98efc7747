import dev.containerize.testing.InvokerBuildLog

// What each failed build must show: one error line that holds the message, and a quick end.
context.checkFailure = { String expected ->
  def last = InvokerBuildLog.of(logs, 'registry-unreachable').lastRun()
  def error = last.error()
  assert error.contains(': ' + expected) : error
  assert last.seconds() < 20 : 'the build took too long: ' + last.text()
  assert !last.text().contains('retry 1 of') && !last.text().contains('will be retried')
  // An environment problem: MojoExecutionException, not MojoFailureException.
  assert last.text().contains('MAVEN/MojoExecutionException') : last.text()
  assert !new File(basedir, 'target/container-image.json').exists() : 'a result was written'
  return error
}
return true
