module.exports = { greeting: "hello from leaky-config", canary: "leaky-config-canary-5d2e" };
