console.log("pushed through a registry that was down for a while");
