context.faultyRegistry.heal()
return true
