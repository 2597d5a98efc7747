context.userProperties.put('container.to.image', 'registry.invalid/it/unreachable:1')
return true
