import dev.containerize.testing.FaultyRegistry

def faulty = FaultyRegistry.start(registry)
context.faultyRegistry = faulty
context.userProperties.put('container.from.image', "${faulty.address()}/base/node:20".toString())
return true
