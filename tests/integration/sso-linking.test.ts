import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, memberships, organisationSso, users } from "@/db/schema";
import { createOrganisation, createUser, uniqueSuffix } from "@/db/seed/factories";
import { type SsoIdentity, linkSsoIdentity } from "@/lib/sso/link-sso-identity";
import { type TestDb, createTestDb } from "../support/db";

const ISSUER = "https://idp.chu.test/realms/personnel";
let testDb: TestDb;
let establishmentId: string;
let otherId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  const centre = await createOrganisation(testDb.db, { kind: "centre" });
  establishmentId = (await createOrganisation(testDb.db, { parentId: centre.id })).id;
  otherId = (await createOrganisation(testDb.db, { parentId: centre.id })).id;
  // This establishment lets its provider create accounts for verified @chu.test addresses.
  await testDb.db.insert(organisationSso).values({
    organisationId: establishmentId,
    displayName: "Compte du CHU",
    issuer: ISSUER,
    clientId: "vigie",
    clientSecretEncrypted: "v1.x.x.x",
    accountCreation: "email_domain",
    allowedEmailDomains: ["chu.test"],
  });
});

afterAll(async () => {
  await testDb?.close();
});

function identity(overrides: Partial<SsoIdentity> = {}): SsoIdentity {
  const suffix = uniqueSuffix();

  return {
    issuer: ISSUER,
    subject: `sub-${suffix}`,
    email: `agent-${suffix}@chu.test`,
    emailVerified: true,
    name: "Françoise Lefèvre-Nguyễn",
    structureIds: [],
    ...overrides,
  };
}

async function accountsOf(subject: string) {
  return testDb.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.provider, ISSUER), eq(accounts.providerAccountId, subject)));
}

async function lastAudit(targetOrActor: string) {
  const rows = await testDb.db.select().from(auditLog).where(eq(auditLog.organisationId, establishmentId));

  return rows
    .filter((row) => row.targetId === targetOrActor || row.actorUserId === targetOrActor)
    .map((row) => ({ action: row.action, reason: row.details.reason }));
}

describe("linkSsoIdentity", () => {
  it("creates a learner of this establishment for an unknown identity, then signs the same user in again", async () => {
    const person = identity();

    const first = await linkSsoIdentity(testDb.db, { organisationId: establishmentId, identity: person });
    expect(first).toMatchObject({
      status: "signed_in",
      how: "created",
      user: { name: "Françoise Lefèvre-Nguyễn", email: person.email },
    });
    if (first.status !== "signed_in") return;
    const [membership] = await testDb.db.select().from(memberships).where(eq(memberships.userId, first.user.id));
    expect(membership).toMatchObject({ organisationId: establishmentId, role: "learner" });
    expect(await accountsOf(person.subject)).toHaveLength(1);

    const second = await linkSsoIdentity(testDb.db, {
      organisationId: establishmentId,
      identity: { ...person, email: null },
    });
    expect(second).toMatchObject({ status: "signed_in", how: "known", user: { id: first.user.id } });
    expect((await lastAudit(first.user.id)).map((entry) => entry.action).sort()).toEqual([
      "sign_in.succeeded",
      "sign_in.succeeded",
      "sso.user_created",
    ]);
  });

  it("links an unknown identity to the learner of this establishment (and of nothing else) with the same verified e-mail", async () => {
    const member = await createUser(testDb.db, { organisationId: establishmentId });
    const person = identity();

    const result = await linkSsoIdentity(testDb.db, {
      organisationId: establishmentId,
      identity: { ...person, email: member.email },
    });

    // Linked, the account follows the provider: it takes the name the provider sends (issue 17).
    expect(result).toMatchObject({ status: "signed_in", how: "linked", user: { id: member.id, name: person.name } });
    expect((await accountsOf(person.subject))[0]?.userId).toBe(member.id);
    expect((await lastAudit(member.id)).map((entry) => entry.action).sort()).toEqual([
      "account.renamed",
      "sign_in.succeeded",
      "sso.identity_linked",
    ]);
  });

  it("refuses an e-mail of another establishment's user: no account, no link", async () => {
    const outsider = await createUser(testDb.db, { organisationId: otherId });
    const person = identity({ email: outsider.email });
    const usersBefore = await testDb.db.$count(users);

    const result = await linkSsoIdentity(testDb.db, { organisationId: establishmentId, identity: person });

    expect(result).toEqual({ status: "refused", reason: "other_establishment" });
    expect(await accountsOf(person.subject)).toEqual([]);
    expect(await testDb.db.$count(users)).toBe(usersBefore);
    expect(await lastAudit(person.subject)).toEqual([{ action: "sign_in.failed", reason: "other_establishment" }]);
  });

  it("neither links nor creates on an unverified e-mail, even of an allowed domain", async () => {
    const member = await createUser(testDb.db, { organisationId: establishmentId });
    const person = identity({ email: member.email, emailVerified: false });

    const result = await linkSsoIdentity(testDb.db, { organisationId: establishmentId, identity: person });

    expect(result).toEqual({ status: "refused", reason: "no_account" });
    expect(await accountsOf(person.subject)).toEqual([]);
  });

  it("refuses a known identity whose user was deactivated or is no longer a member", async () => {
    const person = identity();
    const first = await linkSsoIdentity(testDb.db, { organisationId: establishmentId, identity: person });
    if (first.status !== "signed_in") throw new Error("expected a sign-in");

    await testDb.db.update(users).set({ isActive: false }).where(eq(users.id, first.user.id));
    expect(await linkSsoIdentity(testDb.db, { organisationId: establishmentId, identity: person })).toEqual({
      status: "refused",
      reason: "inactive",
    });

    await testDb.db.update(users).set({ isActive: true }).where(eq(users.id, first.user.id));
    await testDb.db.delete(memberships).where(eq(memberships.userId, first.user.id));
    expect(await linkSsoIdentity(testDb.db, { organisationId: establishmentId, identity: person })).toEqual({
      status: "refused",
      reason: "not_member",
    });
    expect((await lastAudit(person.subject)).map((entry) => entry.reason).sort()).toEqual(["inactive", "not_member"]);
  });

  it("refuses an identity known in one establishment when it signs in through another", async () => {
    const person = identity();
    await linkSsoIdentity(testDb.db, { organisationId: establishmentId, identity: person });

    expect(
      await linkSsoIdentity(testDb.db, {
        organisationId: otherId,
        identity: { ...person, email: `autre-${uniqueSuffix()}@chu.test` },
      }),
    ).toEqual({ status: "refused", reason: "not_member" });
  });

  it("refuses a deactivated member found by e-mail", async () => {
    const member = await createUser(testDb.db, { organisationId: establishmentId });
    await testDb.db.update(users).set({ isActive: false }).where(eq(users.id, member.id));

    expect(
      await linkSsoIdentity(testDb.db, {
        organisationId: establishmentId,
        identity: identity({ email: member.email }),
      }),
    ).toEqual({ status: "refused", reason: "inactive" });
  });
});
