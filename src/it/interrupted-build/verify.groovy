import dev.containerize.testing.ImageInspection
import dev.containerize.testing.RuncContainer
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.time.Duration
import java.time.Instant
import java.util.concurrent.TimeUnit

// The invoker's own build pushed the reference image of the untouched project. Here, builds of a
// fresh copy are stopped half-way, four times, and the build after them must push that image.
def reference = "${registry}/it/interrupted-build:reference".toString()
def image = "${registry}/it/interrupted-build:1".toString()
def target = new File(basedir, 'target')
Path copy = target.toPath().resolve('copy')
copy.toFile().deleteDir()
Path source = basedir.toPath()
Files.walk(source).withCloseable { paths ->
  paths.filter { p ->
    def rel = source.relativize(p)
    !(rel.startsWith('target') || rel.startsWith('node_modules') || rel.toString().isEmpty())
  }.each { p ->
    def to = copy.resolve(source.relativize(p).toString())
    if (Files.isDirectory(p)) { Files.createDirectories(to) }
    else {
      Files.createDirectories(to.parent)
      Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES)
    }
  }
}

// Maven as the user runs it: the same installation, settings and local repository as the
// invoker's builds, offline, in its own process so that it can be killed.
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir, '../interpolated-settings.xml')
assert settings.isFile() : "no invoker settings at $settings"
def runs = 0
def startMaven = { String ref, Map env ->
  def log = new File(target, "interrupted-${++runs}.log")
  def command = [mvn, '-B', '-ntp', '-o', '-s', settings.path,
                 "-Dmaven.repo.local=${localRepositoryPath}", '-f', copy.resolve('pom.xml'),
                 'container:build', "-Dimage=${ref}"]*.toString()
  def builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log)
  builder.environment().putAll(env)
  [builder.start(), log]
}
def waitUntil = { String what, Process maven, File log, Closure condition ->
  def deadline = Instant.now().plusSeconds(90)
  while (!condition()) {
    assert maven.alive : "Maven ended before $what:\n${log.text}"
    assert Instant.now().isBefore(deadline) : "waited 90 s for $what:\n${log.text}"
    Thread.sleep(50)
  }
}
def stop = { Process maven, String signal, File log ->
  assert ['kill', '-s', signal, maven.pid().toString()].execute().waitFor() == 0
  assert maven.waitFor(30, TimeUnit.SECONDS) : "Maven did not stop on SIG$signal:\n${log.text}"
}
def alive = { long pid -> ProcessHandle.of(pid).map { it.alive }.orElse(false) }
// A killed process is gone once its new parent has collected it, a moment after it died.
def gone = { long pid ->
  def deadline = Instant.now().plusSeconds(5)
  while (alive(pid) && Instant.now().isBefore(deadline)) { Thread.sleep(50) }
  !alive(pid)
}
def heldPid = { File file -> file.text.trim() as long }
def held = []

// A registry that accepts connections and never answers: a build pushing there is stopped while
// Jib is in its layer and push step, whatever the machine's speed.
def silent = new ServerSocket(0, 50, InetAddress.loopbackAddress)
def connections = Collections.synchronizedList([])
Thread.start { try { while (true) { connections << silent.accept() } } catch (IOException e) { } }
def silentImage = "127.0.0.1:${silent.localPort}/it/interrupted-build:1".toString()

try {
  // 1. SIGKILL while npm ci runs: the JVM cannot stop its child, which goes on.
  def holdFile = new File(target, 'held-1.pid')
  def (maven, log) = startMaven(image, [HOLD_INSTALL: holdFile.path])
  waitUntil('npm ci to reach postinstall', maven, log) { holdFile.length() > 0 }
  held << heldPid(holdFile)
  stop(maven, 'KILL', log)
  assert log.text.contains('Install: npm ci')
  assert alive(held[0]) : 'the install left by SIGKILL ended by itself; the test shows nothing'

  // 2. The next build stops that leftover install before its own, which SIGTERM then stops.
  holdFile = new File(target, 'held-2.pid')
  (maven, log) = startMaven(image, [HOLD_INSTALL: holdFile.path])
  waitUntil('npm ci to reach postinstall again', maven, log) { holdFile.length() > 0 }
  held << heldPid(holdFile)
  assert gone(held[0]) : 'the install left running by the killed build still runs'
  assert log.text =~ /Stopping `npm ci` \(process \d+\), which a build stopped earlier left running/
  assert log.text.contains('Install: npm ci') : 'an interrupted install was taken for up to date'
  stop(maven, 'TERM', log)
  assert gone(held[1]) : 'SIGTERM stopped Maven but not its npm ci'
  assert log.text.contains('Maven is stopping, so it stopped `npm ci` in ')

  // 3. SIGINT (Ctrl-C) in the layer and push step, after a whole install and build.
  (maven, log) = startMaven(silentImage, [:])
  waitUntil('Jib to reach the registry', maven, log) { connections.size() > 0 }
  assert log.text.contains('Install: npm ci') :
      'an install stopped by SIGTERM was taken for up to date'
  assert log.text =~ /Layer app: .* new/
  stop(maven, 'INT', log)

  // 4. SIGKILL in the same step.
  def seen = connections.size()
  (maven, log) = startMaven(silentImage, [:])
  waitUntil('Jib to reach the registry again', maven, log) { connections.size() > seen }
  assert log.text.contains('Install: up to date')
  stop(maven, 'KILL', log)

  // 5. The build after all that pushes the reference image, which runs.
  (maven, log) = startMaven(image, [:])
  assert maven.waitFor(180, TimeUnit.SECONDS) : "the last build did not end:\n${log.text}"
  assert maven.exitValue() == 0 : "the last build failed:\n${log.text}"
  def text = log.text
  assert text.contains('Install: up to date') && !text.contains('Stopping `')
  assert text =~ /Layer app: .* new/ : 'a stopped build recorded its layers as built'
  def digest = ImageInspection.manifestDigest(image)
  assert digest == ImageInspection.manifestDigest(reference) :
      'the build after the interrupted ones pushed another image than the untouched project'
  def paths = ImageInspection.layers(image).flatten().collect { it.path() }
  assert paths.contains('/app/node_modules/ms/index.js')
  assert !paths.any { it.contains('.container-maven-plugin') } : 'the install record is in the image'
  def result = new ObjectMapper().readTree(copy.resolve('target/container-image.json').toFile())
  assert result.get('imageDigest').asText() == digest
  def port = RuncContainer.freePort()
  def work = Files.createTempDirectory(target.toPath(), 'runc')
  RuncContainer.start(image, work, [PORT: port.toString()]).withCloseable { c ->
    assert c.get(port, '/').contains('it-interrupted-build answers after 2s')
  }
} finally {
  held.findAll { alive(it) }.each { ProcessHandle.of(it).ifPresent { it.destroyForcibly() } }
  silent.close()
  connections.each { it.close() }
}
return true
