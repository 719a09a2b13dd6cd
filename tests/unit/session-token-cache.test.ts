import { describe, expect, it } from "vitest";
import { cachedSession, rememberSession } from "@/lib/auth/session-token-cache";

const claims = (n: number | string) => ({ userId: `user-${n}`, sessionId: `session-${n}` });

describe("session token cache", () => {
  it("returns the claims of a remembered token until it expires", () => {
    rememberSession("token-a", claims("a"), 2_000);

    expect(cachedSession("token-a", 1_999)).toEqual(claims("a"));
    expect(cachedSession("token-a", 2_000)).toBeNull();
    expect(cachedSession("token-a", 1_000)).toBeNull();
  });

  it("knows nothing of a token it was not given", () => {
    expect(cachedSession("token-inconnu", 0)).toBeNull();
  });

  it("keeps at most 5,000 tokens, forgetting the oldest first", () => {
    for (let i = 0; i <= 5_000; i++) rememberSession(`t-${i}`, claims(i), Number.MAX_SAFE_INTEGER);

    expect(cachedSession("t-0")).toBeNull();
    expect(cachedSession("t-5000")).toEqual(claims(5000));
  });
});
