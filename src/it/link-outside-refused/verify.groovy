def log = new File(logs, 'link-outside-refused/build.log').text
def outside = new File(basedir, '../../it-outside/link-outside-refused').canonicalPath
def project = basedir.canonicalPath

// One error that names the link, where it leads, and the ways out.
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : 'the build did not fail with an error line'
assert error.contains("${project}/shared is a symbolic link to ${outside}, outside ${project};"
    + ' the plugin never copies files from outside the project into an image.'
    + ' Replace the link with a copy of what it points to, or remove it, or keep it out of the'
    + " image with a line in ${project}/.dockerignore.") : error
assert !log.contains('tok-outside-the-project-4b7e')

// It stopped before Jib: nothing pushed, no result written.
assert !log.contains('Push:')
assert !new File(basedir, 'target/container-image.json').exists()
def check = new ProcessBuilder('skopeo', 'inspect', '--tls-verify=false',
    "docker://${registry}/it/link-outside:1".toString()).redirectErrorStream(true).start()
def output = check.inputStream.text
assert check.waitFor() != 0 && output.contains('manifest unknown') : output
return true
