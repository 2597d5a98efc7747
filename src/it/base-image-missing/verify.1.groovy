def log = new File(logs, 'base-image-missing/build.log').text
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : 'the build did not fail with an error line'
assert error.contains(": The base image ${registry}/base/node:19 does not exist in its registry") : error
assert error.contains('manifest unknown') : error
assert error.endsWith("the registry ${registry} has no such repository or tag. Check <from><image>"
    + ' (-Dcontainer.from.image). -> [Help 1]') : error
return true
