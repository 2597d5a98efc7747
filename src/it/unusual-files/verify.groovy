import dev.containerize.testing.ImageInspection
import dev.containerize.testing.RuncContainer
import com.fasterxml.jackson.databind.ObjectMapper
import groovy.json.JsonSlurper
import java.nio.file.Files

def log = new File(logs, 'unusual-files/build.log').text
def image = "${registry}/it/unusual-files:1".toString()
def names = new JsonSlurper().parse(new File(basedir, 'names.json'), 'UTF-8')
def bigSize = 2L << 30
assert log.contains("Built ${image}@sha256:") : 'the build failed'
assert log.contains('-XX:MaxHeapSize=268435456') : 'the build did not run with a 256 MB heap'
assert !log.contains('OutOfMemoryError')

// The layers hold each name exactly, with its content, and the big file at its full size.
def entries = ImageInspection.layers(image).flatten().findAll { it.path().startsWith('/app/') }
def inFiles = entries.findAll { it.path().startsWith('/app/files/') }
assert inFiles.collect { it.path() - '/app/files/' } as Set == names as Set
assert inFiles.every { it.type().name() == 'FILE' && it.mode() == 0644 && it.uid() == 0 }
def big = entries.find { it.path() == '/app/data/big.bin' }
assert big != null && big.size() == bigSize : big

// The app in the image reads every name and the end of the big file.
def port = RuncContainer.freePort()
def work = Files.createTempDirectory(new File(basedir, 'target').toPath(), 'runc')
RuncContainer.start(image, work, [PORT: port.toString()]).withCloseable { c ->
  def answer = new ObjectMapper().readTree(c.get(port, '/'))
  def served = answer.get('files').fields().collectEntries { [it.key, it.value.asText()] }
  assert served == names.collectEntries { [it, it] }
  assert answer.get('big').get('size').asLong() == bigSize
  assert answer.get('big').get('tail').asText() == 'end-of-big-file\n'
}
return true
