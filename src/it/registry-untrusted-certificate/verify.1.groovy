def log = new File(logs, 'registry-untrusted-certificate/build.log').text
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : 'the build did not fail with an error line'
assert error.contains(": ${secureRegistry}, the registry of ${secureRegistry}/it/untrusted:1 in"
    + ' <to><image> (-Dcontainer.to.image or -Dimage), is not served over HTTPS with a'
    + ' certificate this JVM trusts (PKIX path building failed') : error
assert error.contains('-Djavax.net.ssl.trustStore') : error
assert error.contains('<allowInsecureRegistries>true</allowInsecureRegistries>'
    + ' (-Dcontainer.allowInsecureRegistries=true)') : error
// Refused at once, not after Jib's minute of retries.
def seconds = (log =~ /Total time:\s+([\d.]+) s/)
assert seconds.find() && (seconds.group(1) as double) < 20 : 'the refusal took too long'
assert !log.contains('will be retried') : 'Jib retried'
return true
