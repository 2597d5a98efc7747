import dev.containerize.testing.FaultyRegistry

def faulty = FaultyRegistry.start(registry)
context.faultyRegistry = faulty
context.userProperties.put('container.from.image', "${faulty.address()}/base/node:20".toString())
context.userProperties.put('container.to.image', "${faulty.address()}/it/cut-off:1".toString())
// 256 KiB that gzip cannot shrink, so that the app layer is far larger than the cut.
context.writePayload = { long seed ->
  def bytes = new byte[256 * 1024]
  new Random(seed).nextBytes(bytes)
  new File(basedir, 'lib/payload.bin').bytes = bytes
}
context.writePayload(1L)
return true
