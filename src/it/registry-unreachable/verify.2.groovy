def registry = "127.0.0.1:${context.closedPort}"
context.checkFailure("Cannot reach ${registry}, the registry of ${registry}/it/unreachable:1 in"
    + ' <to><image> (-Dcontainer.to.image or -Dimage): nothing accepts connections there'
    + ' (Connection refused). Check that the registry is running')
return true
