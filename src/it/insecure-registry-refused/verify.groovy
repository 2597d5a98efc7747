import dev.containerize.testing.InvokerBuildLog

def log = InvokerBuildLog.of(logs, 'insecure-registry-refused')
def error = log.error()
assert error.contains(registry.toString()) : error
assert error.contains('<allowInsecureRegistries>true</allowInsecureRegistries>') : error
assert error.contains('-Dcontainer.allowInsecureRegistries=true') : error
assert error.contains('answers in plain HTTP, not HTTPS') : error
// Refused at once: Jib alone would retry the handshake for about a minute first.
assert log.seconds() < 20 : 'the refusal took too long'
assert !log.text().contains('will be retried') : 'Jib retried'
assert !new File(basedir, 'target/container-image.json').exists() : 'a result was written'
return true
