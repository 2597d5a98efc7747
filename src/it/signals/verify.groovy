import dev.containerize.image.StopOnSignal
import dev.containerize.testing.ImageInspection
import dev.containerize.testing.RuncContainer
import java.nio.file.Files
import java.time.Duration

def log = new File(logs, 'signals/build.log').text
def derived = "${registry}/it/signals:derived".toString()
def verbatim = "${registry}/it/signals:verbatim".toString()

// The derived command imports the module right after node; the configured one that starts
// /usr/bin/env is left as it is, and the log says so for each.
def entrypoint = { String ref ->
  ImageInspection.config(ref).get('config').get('Entrypoint').collect { it.asText() }
}
assert entrypoint(derived) == ['node', '--import', StopOnSignal.MODULE_URL, 'server.js']
assert entrypoint(verbatim) == ['/usr/bin/env', 'node', 'server.js']
assert log.contains('Signals: node stops on SIGTERM and SIGINT unless the app listens for them')
assert log.contains('Signals: the entrypoint does not start node, so it is left as configured')

def grace = Duration.ofSeconds(2)
def work = { Files.createTempDirectory(new File(basedir, 'target').toPath(), it) }

/** Starts the image, waits for its answer, sends the signal: did it stop within 2 s? */
def stopsWithin2s = { String image, String signal, Map env, Closure check ->
  def port = RuncContainer.freePort()
  def dir = work(signal.toLowerCase())
  RuncContainer.start(image, dir, [PORT: port.toString()] + env).withCloseable { c ->
    assert c.get(port, '/').startsWith('up for')
    c.signal(signal)
    def stopped = c.waitForExit(grace)
    check(c.logs())
    return stopped
  }
}

// No handler in the app: node is PID 1 in the container and still stops on SIGTERM and SIGINT.
assert stopsWithin2s(derived, 'TERM', [:]) { assert !it.contains('SIGTERM received') } :
    'the app without a handler did not stop within 2 s of SIGTERM'
assert stopsWithin2s(derived, 'INT', [:]) { } : 'the app did not stop within 2 s of SIGINT'

// The app's own handler runs (it drains the server and says so), then the app ends as it decides.
assert stopsWithin2s(derived, 'TERM', [GRACEFUL: '1']) { out ->
  assert out.contains('SIGTERM received: closing the server') : "no handler output in:\n$out"
  assert out.contains('server closed') : "the handler did not finish:\n$out"
} : 'the app with its own handler did not stop within 2 s of SIGTERM'

// The control: the same server started without the module ignores SIGTERM as PID 1.
assert !stopsWithin2s(verbatim, 'TERM', [:]) { } :
    'node without the module stopped on SIGTERM: the test no longer shows the PID 1 problem'
return true
