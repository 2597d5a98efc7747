context.userProperties.put('container.from.image', "${registry}/base/no-such-node:20".toString())
return true
