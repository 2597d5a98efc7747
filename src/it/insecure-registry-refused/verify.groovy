def log = new File(logs, 'insecure-registry-refused/build.log').text
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : 'the build did not fail with an error line'
assert error.contains(registry.toString()) : error
assert error.contains('<allowInsecureRegistries>true</allowInsecureRegistries>') : error
assert error.contains('-Dcontainer.allowInsecureRegistries=true') : error
assert error.contains('answers in plain HTTP, not HTTPS') : error
// Refused at once: Jib alone would retry the handshake for about a minute first.
def seconds = (log =~ /Total time:\s+([\d.]+) s/)
assert seconds.find() && (seconds.group(1) as double) < 20 : 'the refusal took too long'
assert !log.contains('will be retried') : 'Jib retried'
assert !new File(basedir, 'target/container-image.json').exists() : 'a result was written'
return true
