import dev.containerize.testing.Command

def log = new File(logs, 'registry-untrusted-certificate/build.log').text
def image = "${secureRegistry}/it/untrusted:1".toString()
assert log.contains("Built ${image}@sha256:") : 'the push with insecure registries allowed failed'
def digest = Command.run('skopeo', 'inspect', '--tls-verify=false', '--creds', 'itest:s3cret-pass',
    '--format', '{{.Digest}}', "docker://${image}".toString()).trim()
assert log.contains("Built ${image}@${digest}") : digest
return true
