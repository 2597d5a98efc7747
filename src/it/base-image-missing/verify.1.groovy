import dev.containerize.testing.InvokerBuildLog

def error = InvokerBuildLog.of(logs, 'base-image-missing').lastRun().error()
assert error.contains(
    ": The base image ${registry}/base/node:19 does not exist in its registry") : error
assert error.contains('manifest unknown') : error
assert error.endsWith("the registry ${registry} has no such repository or tag. Check <from><image>"
    + ' (-Dcontainer.from.image). -> [Help 1]') : error
return true
