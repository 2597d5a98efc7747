import dev.containerize.testing.FaultyRegistry

// The registry lets the plugin look, but denies every upload, as a registry does to an account
// that may pull but not push.
def faulty = FaultyRegistry.start(registry).answer(403, Integer.MAX_VALUE, '(POST|PUT|PATCH) .*')
context.faultyRegistry = faulty
context.userProperties.put('container.to.image', "${faulty.address()}/it/forbidden:1".toString())
return true
