context.userProperties.clear()
context.userProperties.put('container.from.image', 'registry.invalid/library/node:20')
return true
