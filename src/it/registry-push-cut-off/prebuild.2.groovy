// A new payload, and a network that drops every blob upload after 64 KiB.
context.writePayload(2L)
context.faultyRegistry.cutUploads(64 * 1024, Integer.MAX_VALUE)
new File(basedir, 'target/container-image.json').delete()
return true
