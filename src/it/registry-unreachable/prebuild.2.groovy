import dev.containerize.testing.RuncContainer

// A loopback port nobody listens on; no base image and no insecure registries, so that only the
// target is contacted, and over HTTPS.
context.closedPort = RuncContainer.freePort()
context.userProperties.put('container.to.image',
    "127.0.0.1:${context.closedPort}/it/unreachable:1".toString())
context.userProperties.put('container.from.image', 'scratch')
context.userProperties.put('container.allowInsecureRegistries', 'false')
return true
