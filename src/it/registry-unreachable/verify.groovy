import dev.containerize.testing.ImageInspection

context.checkFailure('Cannot reach registry.invalid, the registry of'
    + ' registry.invalid/library/node:20 in <from><image> (-Dcontainer.from.image):'
    + ' no host is known by that name.')
assert !ImageInspection.exists("${registry}/it/unreachable:1".toString())
return true
