import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { encodeSessionToken } from "@/lib/auth/session-cookie";

const secret = "un secret de test d'au moins trente-deux caractères";
const salt = "authjs.session-token";
const EIGHT_HOURS = 8 * 60 * 60;

describe("encodeSessionToken", () => {
  it("makes the token expire when its session does, however often it is re-issued", async () => {
    const sessionExpiresAt = Math.floor(Date.now() / 1000) + 3_600;
    const first = await encodeSessionToken({
      token: { sub: "u", sessionId: "s", sessionExpiresAt },
      secret,
      salt,
      maxAge: EIGHT_HOURS,
    });
    const decoded = await decode({ token: first, secret, salt });
    // What GET /api/auth/session does on every call: decode, then encode again with maxAge.
    const again = await decode({
      token: await encodeSessionToken({ token: decoded!, secret, salt, maxAge: EIGHT_HOURS }),
      secret,
      salt,
    });

    expect(decoded!.exp).toBe(sessionExpiresAt);
    expect(again!.exp).toBe(sessionExpiresAt);
  });

  it("gives a token whose session is over no time at all", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await encodeSessionToken({
      token: { sub: "u", sessionId: "s", sessionExpiresAt: 1_000 },
      secret,
      salt,
      maxAge: EIGHT_HOURS,
    });
    // decode() allows 15 seconds of clock skew; the expiry itself is no later than now.
    const decoded = await decode({ token, secret, salt });

    expect(decoded!.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(decoded!.exp).toBeGreaterThanOrEqual(now);
  });
});
