// Down for good, for a push under a new tag.
context.faultyRegistry.heal().answer(503, Integer.MAX_VALUE, '.*')
context.userProperties.put('container.to.image',
    "${context.faultyRegistry.address()}/it/unavailable:2".toString())
new File(basedir, 'target/container-image.json').delete()
return true
