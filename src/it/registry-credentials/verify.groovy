import dev.containerize.testing.Command

def log = new File(logs, 'registry-credentials/build.log').text
def image = "${secureRegistry}/it/credentials:1".toString()
assert log.contains("Built ${image}@sha256:") : 'the push with settings.xml credentials failed'
assert !log.contains('s3cret-pass') : 'the password was logged'

// The registry really holds it (and really requires credentials to read it).
def digest = Command.run('skopeo', 'inspect', '--tls-verify=false', '--creds', 'itest:s3cret-pass',
    '--format', '{{.Digest}}', "docker://${image}".toString()).trim()
assert digest.startsWith('sha256:')
def anonymous = new ProcessBuilder('skopeo', 'inspect', '--tls-verify=false',
    "docker://${image}".toString()).redirectErrorStream(true).start()
assert anonymous.waitFor() != 0 : 'the registry answered without credentials'
return true
