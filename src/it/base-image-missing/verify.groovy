import dev.containerize.testing.ImageInspection

def log = new File(logs, 'base-image-missing/build.log').text
def second = log.substring(log.lastIndexOf('Containerizing it-registry-faults'))
def error = second.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : 'the second build did not fail with an error line'
assert error.contains(": The base image ${registry}/base/no-such-node:20 does not exist in its registry") : error
assert error.contains('Check <from><image> (-Dcontainer.from.image).') : error

// Nothing was pushed under the target's name, and no result was written.
assert !ImageInspection.exists("${registry}/it/base-image-missing:1".toString())
assert !new File(basedir, 'target/container-image.json').exists() : 'a result was written'
return true
