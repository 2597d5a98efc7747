// Down for a while: the first three requests, whatever they are, get 503.
context.faultyRegistry.answer(503, 3, '.*')
context.userProperties.put('container.to.image',
    "${context.faultyRegistry.address()}/it/unavailable:1".toString())
return true
