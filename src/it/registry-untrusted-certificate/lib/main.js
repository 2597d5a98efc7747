console.log("pushed once its certificate was allowed");
