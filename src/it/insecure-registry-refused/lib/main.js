console.log("pushed with credentials");
