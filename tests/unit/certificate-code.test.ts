import { describe, expect, it } from "vitest";
import {
  CODE_LENGTH,
  CODE_PATTERN,
  generateCertificateCode,
  normaliseCertificateCode,
} from "@/lib/certificates/generate-code";
import { PEER_ADDRESS_HEADER, clientAddress } from "@/lib/http/client-address";

describe("generateCertificateCode", () => {
  it("makes codes of at least 128 random bits in Crockford base32", () => {
    const codes = new Set(Array.from({ length: 2_000 }, generateCertificateCode));

    expect(CODE_LENGTH * 5).toBeGreaterThanOrEqual(128);
    expect(codes.size).toBe(2_000);
    for (const code of codes) expect(code).toMatch(CODE_PATTERN);
  });

  it("accepts a code typed in lower case, with spaces, dashes, O for 0 and L for 1", () => {
    const code = "7Q2M9F0K3R1ABCDEFGHJKMNPQR";

    expect(normaliseCertificateCode("7q2m-9fok-3rla bcde fghj kmnp qr")).toBe(code);
  });

  it("refuses anything that cannot be a code", () => {
    expect(normaliseCertificateCode("U".repeat(26))).toBeNull();
    expect(normaliseCertificateCode("ABC")).toBeNull();
  });
});

describe("clientAddress", () => {
  const headers = (forwarded: string, peer = "192.0.2.10") =>
    new Headers({ "x-forwarded-for": forwarded, [PEER_ADDRESS_HEADER]: peer });

  it("takes the address the trusted proxy appended, ignoring what the client forged before it", () => {
    expect(clientAddress(headers("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(headers("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });

  it("takes the socket's address without a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers("6.6.6.6"), 0)).toBe("192.0.2.10");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6" }), 0)).toBe("unknown");
  });

  it("takes the socket's address when fewer proxies than trusted appended an entry", () => {
    expect(clientAddress(headers("6.6.6.6"), 2)).toBe("192.0.2.10");
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "192.0.2.10" }), 1)).toBe("192.0.2.10");
  });
});
