import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox, passwordResetTokens } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { isResetTokenUsable } from "@/lib/auth/password-reset";
import { INVITATION_MAX_AGE_MS, sendInvitations, sendMembershipInvitations } from "@/lib/enrolment/send-invitations";
import { type TestDb, createTestDb } from "../support/db";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

describe("sendInvitations", () => {
  it("mails each newcomer a link to choose a password, usable for 7 days", async () => {
    const organisation = await createOrganisation(testDb.db, { name: "EHPAD Les Oliviers" });
    const user = await createUser(testDb.db, { organisationId: organisation.id });
    const now = new Date();
    await sendInvitations(testDb.db, {
      organisationId: organisation.id,
      accounts: [{ userId: user.id, name: user.name!, email: user.email! }],
      baseUrl: "https://vigie.example.org",
      now,
    });

    const [mail] = await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.to, user.email!));
    expect(mail).toMatchObject({ kind: "invitation", organisationId: organisation.id });
    expect(mail!.text).toContain("EHPAD Les Oliviers vous invite");
    const token = /https:\/\/vigie\.example\.org\/mot-de-passe\/nouveau\?jeton=([\w-]+)/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    expect(await isResetTokenUsable(testDb.db, token!, new Date(now.getTime() + INVITATION_MAX_AGE_MS - 60_000))).toBe(
      true,
    );
    expect(await isResetTokenUsable(testDb.db, token!, new Date(now.getTime() + INVITATION_MAX_AGE_MS + 60_000))).toBe(
      false,
    );
  });

  it("invites someone who already had an account to answer once signed in, with no sign-in or password link", async () => {
    const organisation = await createOrganisation(testDb.db, { name: "Clinique des Tilleuls" });
    const user = await createUser(testDb.db, { organisationId: organisation.id });
    await sendMembershipInvitations(testDb.db, {
      organisationId: organisation.id,
      accounts: [{ userId: user.id, name: user.name!, email: user.email! }],
      baseUrl: "https://vigie.example.org",
    });

    const [mail] = await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.to, user.email!));
    expect(mail).toMatchObject({
      kind: "membership_invitation",
      organisationId: organisation.id,
      subject: "Invitation de Clinique des Tilleuls sur Vigie",
    });
    expect(mail!.text).toContain("https://vigie.example.org/invitations");
    expect(mail!.text).not.toContain("jeton=");
    expect(await testDb.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id))).toEqual(
      [],
    );
  });
});
