import dev.containerize.testing.ImageInspection
import dev.containerize.testing.InvokerBuildLog

def second = InvokerBuildLog.of(logs, 'base-image-missing').lastRun()
def error = second.error()
assert error.contains(
    ": The base image ${registry}/base/no-such-node:20 does not exist in its registry") : error
assert error.contains('Check <from><image> (-Dcontainer.from.image).') : error
// The user can fix it: MojoFailureException, not MojoExecutionException.
assert second.text().contains('MAVEN/MojoFailureException') : second.text()

// Nothing was pushed under the target's name, and no result was written.
assert !ImageInspection.exists("${registry}/it/base-image-missing:1".toString())
assert !new File(basedir, 'target/container-image.json').exists() : 'a result was written'
return true
