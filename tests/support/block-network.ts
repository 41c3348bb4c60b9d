/**
 * Tests talk to 127.0.0.1 only: any fetch or node:http(s) request to another host fails loudly,
 * so no test can pass by reaching (or fail by missing) the outside world.
 */
import http from "node:http";
import https from "node:https";

const LOOPBACK = ["127.0.0.1", "localhost", "[::1]", "::1"];

function refuse(hostname: string): never {
  throw new Error(`tests may not reach the network: ${hostname}`);
}

const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (!LOOPBACK.includes(url.hostname)) refuse(url.hostname);
  return realFetch(input, init);
}) as typeof fetch;

for (const lib of [http, https]) {
  const realRequest = lib.request;
  lib.request = ((...args: Parameters<typeof http.request>) => {
    const [first] = args;
    const hostname = first instanceof URL ? first.hostname : typeof first === "string" ? new URL(first).hostname : (first.hostname ?? first.host ?? "localhost");
    if (!LOOPBACK.includes(hostname)) refuse(hostname);
    return (realRequest as (...a: unknown[]) => http.ClientRequest)(...args);
  }) as typeof http.request;
}
