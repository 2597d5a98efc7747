def error = context.checkFailure('Cannot reach registry.invalid, the registry of'
    + ' registry.invalid/it/unreachable:1 in <to><image> (-Dcontainer.to.image or -Dimage):'
    + ' no host is known by that name.')
assert error.contains('-Dhttps.proxyHost') : error
return true
