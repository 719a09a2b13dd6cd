import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PROVIDER_MAX_RESPONSE_BYTES,
  ProviderCallRefused,
  isForbiddenAddress,
  requestProvider,
} from "@/lib/sso/provider-fetch";

const publicOnly = { loopback: false, privateNetworks: false };
const withLoopback = { loopback: true, privateNetworks: false };

describe("isForbiddenAddress", () => {
  it("refuses private, link-local (cloud metadata), carrier-grade NAT, unique-local, reserved and mapped addresses", () => {
    for (const address of [
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
      "::ffff:169.254.169.254",
      "64:ff9b::a00:1",
      "pas une adresse",
    ]) {
      expect(isForbiddenAddress(address, withLoopback), address).toBe(true);
    }
  });

  it("allows public addresses, and loopback only when told", () => {
    expect(isForbiddenAddress("193.51.24.1", publicOnly)).toBe(false);
    expect(isForbiddenAddress("2a01:e0a::1", publicOnly)).toBe(false);
    expect(isForbiddenAddress("127.0.0.1", publicOnly)).toBe(true);
    expect(isForbiddenAddress("::1", publicOnly)).toBe(true);
    expect(isForbiddenAddress("127.0.0.1", withLoopback)).toBe(false);
  });

  it("allows private networks only for a host the operator listed, never loopback, link-local or metadata", () => {
    const internal = { loopback: false, privateNetworks: true };
    for (const address of ["10.0.0.1", "172.16.5.4", "192.168.1.1", "fd00::1", "::ffff:10.0.0.1"])
      expect(isForbiddenAddress(address, internal), address).toBe(false);
    for (const address of ["127.0.0.1", "::1", "169.254.169.254", "fe80::1", "100.64.0.1", "0.0.0.0"])
      expect(isForbiddenAddress(address, internal), address).toBe(true);
  });
});

describe("requestProvider", () => {
  // A canary: counts every TCP connection made to it.
  let canary: net.Server;
  let canaryPort = 0;
  let connections = 0;
  let provider: http.Server;
  let providerPort = 0;

  beforeAll(async () => {
    canary = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => canary.listen(0, "127.0.0.1", resolve));
    canaryPort = (canary.address() as AddressInfo).port;
    provider = http.createServer((request, response) => {
      if (request.url === "/redirect")
        return void response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      if (request.url === "/huge") return void response.end("x".repeat(PROVIDER_MAX_RESPONSE_BYTES + 1));
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ issuer: "ok", method: request.method }));
    });
    await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
    providerPort = (provider.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => canary.close(resolve));
    await new Promise((resolve) => provider.close(resolve));
  });

  it("refuses a name that resolves to this machine without connecting to it", async () => {
    await expect(
      requestProvider(new URL(`https://localhost:${canaryPort}/.well-known/openid-configuration`), {}, publicOnly),
    ).rejects.toThrow(ProviderCallRefused);

    expect(connections).toBe(0);
  });

  it("refuses private and metadata addresses, and plain http, before any connection", async () => {
    for (const url of [
      "https://10.0.0.1/",
      "https://169.254.169.254/latest/meta-data/",
      "https://[fd00::1]/",
      `https://127.0.0.1:${canaryPort}/`,
      `http://localhost:${canaryPort}/`,
      "http://example.org/",
    ]) {
      await expect(requestProvider(new URL(url), {}, publicOnly), url).rejects.toThrow(ProviderCallRefused);
    }

    expect(connections).toBe(0);
  });

  it("answers a loopback provider when loopback is allowed (the test setting), without following redirects", async () => {
    const ok = await requestProvider(
      new URL(`http://127.0.0.1:${providerPort}/`),
      { method: "POST", body: new URLSearchParams({ a: "1" }) },
      withLoopback,
    );
    expect(await ok.json()).toEqual({ issuer: "ok", method: "POST" });

    const redirect = await requestProvider(new URL(`http://localhost:${providerPort}/redirect`), {}, withLoopback);
    expect(redirect.status).toBe(302);
  });

  it("refuses a response over 256 KB", async () => {
    await expect(requestProvider(new URL(`http://127.0.0.1:${providerPort}/huge`), {}, withLoopback)).rejects.toThrow(
      /256 Ko/,
    );
  });
});
