import { runNow } from "@/lib/auth/defer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { attemptPasswordSignIn } from "@/lib/auth/attempt-password-sign-in";
import * as password from "@/lib/auth/password";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { requestMagicLink } from "@/lib/auth/request-magic-link";
import { type TestDb, createTestDb } from "../support/db";

// Counts the argon2 runs, so that a test can tell that a refused attempt ran none.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const PASSWORD = "une phrase assez longue";
// A recent time: fixed-window counters a day old may be swept by anyone's request mid-test.
const now = new Date(Math.floor(Date.now() / 900_000) * 900_000 + 10_000);
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
let testDb: TestDb;
let organisationId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  organisationId = (await createOrganisation(testDb.db)).id;
});

afterAll(async () => {
  await testDb?.close();
});

let addresses = 0;
const origin = () => {
  addresses += 1;
  return { ipAddress: `198.19.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`, userAgent: "vitest" };
};
const learner = () => createUser(testDb.db, { organisationId, password: PASSWORD });
const signIn = (identifier: string, secret: string, at = now) =>
  attemptPasswordSignIn(testDb.db, { identifier, password: secret, origin: origin(), now: at });
const askLink = (email: string, at = now) =>
  requestMagicLink(testDb.db, { email, origin: origin(), now: at, defer: runNow });

describe("sign-in throttling that cannot be turned against people (issue 14, scenario 5)", () => {
  it("lets the owner sign in with their password after ten anonymous link requests for their account", async () => {
    const user = await learner();
    for (let i = 0; i < 10; i++) await askLink(user.email!);

    expect((await signIn(user.email!, PASSWORD)).status).toBe("ok");
  });

  it("still mails a sign-in link after ten wrong passwords: failures block password sign-in only", async () => {
    const user = await learner();
    for (let i = 0; i < 10; i++) expect((await signIn(user.email!, "mauvais mot de passe")).status).toBe("invalid");

    expect((await signIn(user.email!, PASSWORD)).status).toBe("throttled");
    expect((await askLink(user.email!)).status).toBe("send");
  });

  it("answers link requests past a few per 15 minutes as already sent, without mailing more", async () => {
    const user = await learner();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await askLink(user.email!)).status);

    expect(answers).toEqual(["send", "send", "send", "throttled", "throttled"]);
    expect((await askLink(user.email!, minutes(16))).status).toBe("send");
  });

  it("answers reset requests past a few per 15 minutes as already sent, and never counts them as failed sign-ins", async () => {
    const user = await learner();
    const answers = [];
    for (let i = 0; i < 10; i++)
      answers.push(
        (
          await requestPasswordReset(testDb.db, {
            email: user.email!,
            baseUrl: "https://vigie.example.org",
            origin: origin(),
            now,
            defer: runNow,
          })
        )?.status,
      );

    expect(answers.slice(0, 4)).toEqual(["sent", "sent", "sent", "throttled"]);
    expect((await signIn(user.email!, PASSWORD)).status).toBe("ok");
  });

  it("blocks password sign-in over a sliding window of 15 minutes and says for how long", async () => {
    const user = await learner();
    for (let i = 0; i < 10; i++) await signIn(user.email!, "mauvais mot de passe", minutes(i));

    expect(await signIn(user.email!, PASSWORD, minutes(10))).toEqual({
      status: "throttled",
      retryAfterSeconds: 5 * 60,
    });
    // At 15 minutes the first failure leaves the window, at 16 the second; the others still count.
    expect((await signIn(user.email!, "mauvais mot de passe", minutes(15))).status).toBe("invalid");
    expect(await signIn(user.email!, PASSWORD, minutes(15.5))).toEqual({ status: "throttled", retryAfterSeconds: 30 });
    expect((await signIn(user.email!, PASSWORD, minutes(16))).status).toBe("ok");
  });

  it("runs no argon2 for an attempt it refuses", async () => {
    const user = await learner();
    for (let i = 0; i < 10; i++) await signIn(user.email!, "mauvais mot de passe");
    const verify = vi.mocked(password.verifyPassword);
    verify.mockClear();

    for (let i = 0; i < 5; i++) expect((await signIn(user.email!, PASSWORD)).status).toBe("throttled");
    expect(verify).not.toHaveBeenCalled();
  });
});
