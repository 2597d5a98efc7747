context.userProperties.put('container.from.image', "${registry}/base/node:19".toString())
return true
