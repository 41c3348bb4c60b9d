/**
 * Tests talk to 127.0.0.1 only: any fetch to another host fails loudly, so no test can pass by
 * reaching (or fail by missing) the outside world.
 */
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new Error(`tests may not reach the network: ${url.hostname}`);
  }
  return realFetch(input, init);
}) as typeof fetch;
