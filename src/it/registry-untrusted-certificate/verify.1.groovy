import dev.containerize.testing.InvokerBuildLog

def log = InvokerBuildLog.of(logs, 'registry-untrusted-certificate')
def error = log.error()
assert error.contains(": ${secureRegistry}, the registry of ${secureRegistry}/it/untrusted:1 in"
    + ' <to><image> (-Dcontainer.to.image or -Dimage), is not served over HTTPS with a'
    + ' certificate this JVM trusts (PKIX path building failed') : error
assert error.contains('-Djavax.net.ssl.trustStore') : error
assert error.contains('<allowInsecureRegistries>true</allowInsecureRegistries>'
    + ' (-Dcontainer.allowInsecureRegistries=true)') : error
// Refused at once, not after Jib's minute of retries.
assert log.seconds() < 20 : 'the refusal took too long'
assert !log.text().contains('will be retried') : 'Jib retried'
return true
