import dev.containerize.testing.ImageInspection
import dev.containerize.testing.InvokerBuildLog
import dev.containerize.testing.RuncContainer
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.security.MessageDigest

def faulty = context.faultyRegistry
try {
  def third = InvokerBuildLog.of(logs, 'registry-push-cut-off').lastRun().text()
  assert third =~ /Built 127\.0\.0\.1:\d+\/it\/cut-off:1@sha256:[0-9a-f]{64}/ : third
  assert !third.contains('retry 1 of 3') : 'the healed registry needed a retry'

  // The re-run moved tag 1 to the new image, which holds the whole new payload and runs.
  def image = "${registry}/it/cut-off:1".toString()
  def result = new ObjectMapper().readTree(new File(basedir, 'target/container-image.json'))
  def digest = ImageInspection.manifestDigest(image)
  assert digest == result.get('imageDigest').asText()
  assert digest != context.firstDigest
  def payload = new File(basedir, 'lib/payload.bin').bytes
  def expected = MessageDigest.getInstance('SHA-256').digest(payload).encodeHex().toString()
  def port = RuncContainer.freePort()
  def work = Files.createTempDirectory(new File(basedir, 'target').toPath(), 'runc')
  RuncContainer.start(image, work, [PORT: port.toString()]).withCloseable { c ->
    assert c.get(port, '/').trim() == "${expected} ${payload.length}".toString()
  }
} finally {
  faulty?.close()
}
return true
