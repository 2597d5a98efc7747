console.log("never pushed");
