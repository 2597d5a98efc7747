import dev.containerize.testing.Command

def log = new File(logs, 'registry-credentials-missing/build.log').text
def registry = "localhost:${secureRegistry.split(':')[1]}".toString()
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : 'the build did not fail with an error line'
assert error.contains("The registry ${registry} refused the push") : error
assert error.contains("<id>${registry}</id>") && error.contains('settings.xml') : error
assert error.contains('docker login') : error

// Nothing was pushed under that name.
def check = new ProcessBuilder('skopeo', 'inspect', '--tls-verify=false', '--creds',
    'itest:s3cret-pass', "docker://${registry}/it/credentials-missing:1".toString())
    .redirectErrorStream(true).start()
def output = check.inputStream.text
assert check.waitFor() != 0 && output.contains('manifest unknown') : output
return true
