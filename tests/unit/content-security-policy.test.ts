import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, and never eval in production", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123" }, { isDevelopment: false, isHttps: true });

    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("upgrade-insecure-requests");
    expect(policy).toContain("base-uri 'none'");
  });

  it("allows eval in development only, and does not upgrade requests on plain http", () => {
    const policy = contentSecurityPolicy({ nonce: "n" }, { isDevelopment: true, isHttps: false });

    expect(policy).toContain("'unsafe-eval'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("allows a prerendered page's inline scripts by their hashes only: no nonce, no 'unsafe-inline', the rest unchanged", () => {
    const options = { isDevelopment: false, isHttps: true };
    const hashes = ["'sha256-AAAA'", "'sha256-BBBB'"];
    const policy = contentSecurityPolicy({ hashes }, options);

    expect(policy).toContain("; script-src 'self' 'sha256-AAAA' 'sha256-BBBB';");
    expect(policy).not.toMatch(/nonce|strict-dynamic/);
    const others = (p: string) => p.split("; ").filter((d) => !d.startsWith("script-src"));
    expect(others(policy)).toEqual(others(contentSecurityPolicy({ nonce: "n" }, options)));
  });
});
