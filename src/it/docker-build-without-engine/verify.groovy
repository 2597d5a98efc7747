def log = new File(logs, 'docker-build-without-engine/build.log').text
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : 'the build did not fail with an error line'
assert error.contains('Loading the image into Docker failed') : error
assert error.contains('container:build-tar') : error
return true
