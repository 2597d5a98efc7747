import groovy.json.JsonSlurper

def lines = new File(logs, 'bad-projects/build.log').readLines()
def errors = lines.findAll { it.startsWith('[ERROR]') }
def dir = { String module -> new File(basedir, module).canonicalPath }

// Each module's part of the log, from its "--< dev.containerize.it:NAME >--" header on.
def sections = [:]
def current = null
lines.each { line ->
  def header = line =~ /^\[INFO\] -+< dev\.containerize\.it:([\w-]+) >-+$/
  if (header) {
    current = header[0][1]
    sections[current] = []
  } else if (line.startsWith('[INFO] Reactor Summary')) {
    current = null
  } else if (current != null) {
    sections[current] << line
  }
}

/**
 * The error Maven printed for {@code module}: the text of its one "Failed to execute goal" line
 * after "on project MODULE: ", and the [ERROR] lines that continue the message, if any.
 */
def errorOf = { String module ->
  def marker = "on project ${module}: ".toString()
  def found = errors.findIndexValues { it.startsWith('[ERROR] Failed to execute goal') && it.contains(marker) }
  assert found.size() == 1 : "${module}: ${found.size()} error lines instead of one"
  int at = found[0] as int
  def first = errors[at].substring(errors[at].indexOf(marker) + marker.length())
  def rest = []
  if (!first.endsWith(' -> [Help 1]')) {
    for (int i = at + 1; errors[i] != '[ERROR] -> [Help 1]'; i++) {
      rest << errors[i].substring('[ERROR] '.length())
    }
  }
  [first - ' -> [Help 1]', rest]
}

/** Asserts {@code module} failed with exactly {@code message}, on one line, said only once. */
def failsWith = { String module, message ->
  message = message.toString()
  def (first, rest) = errorOf(module)
  assert first == message : "${module}:\n  got      ${first}\n  expected ${message}"
  assert rest.isEmpty() : "${module}: the message goes on over ${rest.size()} lines"
  assert lines.count { it.startsWith('[') && it.contains(message) } == 1 :
      "${module}: the message is logged more than once"
}

def pkg = { String module -> "${dir(module)}/package.json".toString() }

// 1. Malformed JSON: the file, the line and column, the fix.
failsWith('malformed-package-json',
    "${pkg('malformed-package-json')} is not valid JSON at line 4, column 3: Unexpected"
    + " character ('\"' (code 34)): was expecting comma to separate Object entries. Fix the"
    + " syntax (npm, pnpm and yarn cannot read it either).")

// 2. Not an object.
failsWith('package-json-not-object',
    "${pkg('package-json-not-object')} must hold a JSON object ({ \"name\": ..., \"scripts\":"
    + " ... }), but holds an array. Write the manifest as one object, the way `npm init` does.")

// 3. No start script, no main, no conventional entry file.
failsWith('no-start-command',
    "${pkg('no-start-command')} has no \"start\" script and no \"main\" field, and the project"
    + " has none of server.js, index.js, app.js, main.js, server.mjs, index.mjs. Add \"scripts\":"
    + " {\"start\": \"node <file>\"} or set <container><entrypoint>"
    + " (-Dcontainer.entrypoint=node,<file>).")

// 4. A start script that is not node: the entrypoint to set names the script's own file.
failsWith('start-script-not-node',
    "${pkg('start-script-not-node')}: the start script \"nodemon src/server.js\" is not a plain"
    + " `node <file>` command, and the image starts node itself (no package manager, no shell)"
    + " so that signals reach the app. Set <container><entrypoint> to the node command, for"
    + " example -Dcontainer.entrypoint=node,src/server.js.")

// 5. The real npm ci refuses the lockfile: what differs, and none of npm's help text.
def (outOfStep, npmLines) = errorOf('lockfile-out-of-step')
assert outOfStep == "${dir('lockfile-out-of-step')}/package-lock.json is out of step with" +
    " ${pkg('lockfile-out-of-step')}. Run `npm install` and commit the updated lockfile." : outOfStep
assert npmLines.contains('  npm error Missing: ms@2.1.3 from lock file') : npmLines
assert npmLines.size() <= 3 && !npmLines.any { it.contains('Usage') || it.contains('--') } :
    "npm's help is in the message: ${npmLines}"
assert sections['lockfile-out-of-step'].contains('[INFO] Install: npm ci')

// 6. A build script the configuration names and package.json lacks.
failsWith('missing-build-script',
    "<node><buildScript> (-Dcontainer.node.buildScript) names the script \"compile\", but"
    + " ${pkg('missing-build-script')} has no such script. Add it to \"scripts\" or correct the"
    + " name.")

// 7. A failing build: the exit code and the script's last 15 lines, in order.
def (buildFailed, buildLines) = errorOf('failing-build-script')
assert buildFailed == "The build script \"build\" of ${pkg('failing-build-script')} failed" +
    " with exit code 2. Fix the build; its last lines were:" : buildFailed
assert buildLines == (8..20).collect { "  compiling module ${it} of 20".toString() } + [
    "  src/routes.ts(12,7): error TS2322: Type 'string' is not assignable to type 'number'.",
    '  Found 1 error in src/routes.ts:12'] : buildLines
assert sections['failing-build-script'].contains('[INFO] Build: npm run build')

// 8. A pnpm release that does not exist: which release, from which file, and the fix.
failsWith('unknown-package-manager',
    "\"packageManager\" in ${pkg('unknown-package-manager')} names pnpm@99.99.99, a release the"
    + " npm registry does not have (npm: No matching version found for pnpm@99.99.99). Name a"
    + " published release there, such as pnpm@10.34.9; `npm view pnpm versions` lists them.")
assert sections['unknown-package-manager'].any {
  it.startsWith('[INFO] Install: npm exec --yes --package=pnpm@99.99.99 -- pnpm install')
}

// 9. An invalid image reference.
failsWith('invalid-image-reference',
    "<to><image> (-Dcontainer.to.image or -Dimage) is \"${registry}/it/Bad-Image-Reference:1\","
    + " which is not a valid image reference. Use REGISTRY/REPOSITORY:TAG, for example"
    + " registry.example.com/team/app:1.0 (lower-case repository).")

// 10. A port that is not a number.
failsWith('invalid-port',
    "<container><ports> (-Dcontainer.ports) holds \"http\", which is not a TCP port: give"
    + " numbers from 1 to 65535, such as 3000.")

def modules = sections.keySet() - 'bad-projects'
assert modules.size() == 10 : modules
modules.each { module ->
  assert lines.any { it ==~ /\[INFO\] ${module} \.+ FAILURE \[.*/ } : "${module} did not fail"
}
assert sections['bad-projects'].any { it.contains('container:build skipped: ') }

// What the configuration or package.json shows to be wrong stops the build before the install.
['malformed-package-json', 'package-json-not-object', 'start-script-not-node',
    'missing-build-script', 'invalid-image-reference', 'invalid-port'].each { module ->
  assert !sections[module].any { it.startsWith('[INFO] Install:') } :
      "${module} ran the install before failing"
  assert !new File(basedir, "${module}/target").exists() : "${module} wrote target/"
}

// Nothing half-written: no module has a result file, a tar or a left-over temporary file.
modules.each { module ->
  def target = new File(basedir, "${module}/target")
  assert !new File(target, 'container-image.json').exists() : "${module} wrote its result"
  assert !new File(target, 'container-image.tar').exists()
  assert !(target.list() ?: []).any { it.endsWith('.tmp') } : "${module} left a temporary file"
}

// Nothing reached the registry: none of the repositories exists, not even as an upload.
def catalog = new JsonSlurper().parse(new URL("http://${registry}/v2/_catalog?n=1000"))
assert catalog.repositories.contains('base/node') : 'the catalog lists the base image'
def leaked = catalog.repositories.findAll { it.toLowerCase().startsWith('it/bad-') }
assert leaked.isEmpty() : "repositories pushed by failed builds: ${leaked}"
return true
