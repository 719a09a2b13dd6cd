import { describe, expect, it } from "vitest";
import { cachedSubject, rememberSubject } from "@/lib/auth/session-token-cache";

describe("session token cache", () => {
  it("returns the subject of a remembered token until it expires", () => {
    rememberSubject("token-a", "user-a", 2_000);

    expect(cachedSubject("token-a", 1_999)).toBe("user-a");
    expect(cachedSubject("token-a", 2_000)).toBeNull();
    expect(cachedSubject("token-a", 1_000)).toBeNull();
  });

  it("knows nothing of a token it was not given", () => {
    expect(cachedSubject("token-inconnu", 0)).toBeNull();
  });

  it("keeps at most 5,000 tokens, forgetting the oldest first", () => {
    for (let i = 0; i <= 5_000; i++) rememberSubject(`t-${i}`, `u-${i}`, Number.MAX_SAFE_INTEGER);

    expect(cachedSubject("t-0")).toBeNull();
    expect(cachedSubject("t-5000")).toBe("u-5000");
  });
});
