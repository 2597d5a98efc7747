def log = new File(logs, 'insecure-registry-refused/build.log').text
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : 'the build did not fail with an error line'
assert error.contains(registry.toString()) : error
assert error.contains('<allowInsecureRegistries>true</allowInsecureRegistries>') : error
assert error.contains('-Dcontainer.allowInsecureRegistries=true') : error
assert !new File(basedir, 'target/container-image.json').exists() : 'a result was written'
return true
