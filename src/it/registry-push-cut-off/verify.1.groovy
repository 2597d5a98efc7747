import dev.containerize.testing.ImageInspection

def faulty = context.faultyRegistry
assert faulty.count('PUT /v2/it/cut-off/manifests/1', 'forwarded 201') == 1 : faulty.served()
context.firstDigest = ImageInspection.manifestDigest("${registry}/it/cut-off:1".toString())
return true
