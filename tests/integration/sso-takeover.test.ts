import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, memberships, users } from "@/db/schema";
import { createOrganisation, createUser, uniqueSuffix } from "@/db/seed/factories";
import { type SsoIdentity, linkSsoIdentity } from "@/lib/sso/link-sso-identity";
import { type TestDb, createTestDb } from "../support/db";

// The C1 scenario of the December 2026 review: B's manager points B's SSO at an identity
// provider she runs, which asserts the verified e-mail of someone who is also a member of B.
const MALLORY_ISSUER = "https://idp.mallory.test/realms/x";
let testDb: TestDb;
let centreId: string;
let establishmentA: string;
let establishmentB: string;

beforeAll(async () => {
  testDb = await createTestDb();
  centreId = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  establishmentA = (await createOrganisation(testDb.db, { parentId: centreId })).id;
  establishmentB = (await createOrganisation(testDb.db, { parentId: centreId })).id;
});

afterAll(async () => {
  await testDb?.close();
});

function malloryAsserts(email: string): SsoIdentity {
  return {
    issuer: MALLORY_ISSUER,
    subject: `forged-${uniqueSuffix()}`,
    email,
    emailVerified: true,
    name: "Mallory",
    structureIds: [],
  };
}

async function linkedIdentities(userId: string) {
  return testDb.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.provider, MALLORY_ISSUER)));
}

async function refusalsFor(subject: string) {
  const rows = await testDb.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, establishmentB), eq(auditLog.targetId, subject)));

  return rows.map((row) => ({ action: row.action, reason: row.details.reason }));
}

describe("an establishment's identity provider cannot take over accounts (C1)", () => {
  it("refuses a member of B who manages A: no session, no link, audited", async () => {
    const victim = await createUser(testDb.db, { organisationId: establishmentA, role: "manager" });
    // What an import by B's manager did before invitations: a learner membership in B.
    await testDb.db.insert(memberships).values({ userId: victim.id, organisationId: establishmentB, role: "learner" });
    const forged = malloryAsserts(victim.email!);

    const result = await linkSsoIdentity(testDb.db, { organisationId: establishmentB, identity: forged });

    expect(result.status).toBe("refused");
    expect(await linkedIdentities(victim.id)).toEqual([]);
    expect(await refusalsFor(forged.subject)).toEqual([{ action: "sign_in.failed", reason: "link_required" }]);
  });

  it("refuses a platform admin who was made a learner of B", async () => {
    const admin = await createUser(testDb.db, { organisationId: centreId, role: "admin" });
    await testDb.db.insert(memberships).values({ userId: admin.id, organisationId: establishmentB, role: "learner" });

    const result = await linkSsoIdentity(testDb.db, {
      organisationId: establishmentB,
      identity: malloryAsserts(admin.email!),
    });

    expect(result.status).toBe("refused");
    expect(await linkedIdentities(admin.id)).toEqual([]);
  });

  it("refuses a learner of A who was also made a learner of B", async () => {
    const learner = await createUser(testDb.db, { organisationId: establishmentA });
    await testDb.db.insert(memberships).values({ userId: learner.id, organisationId: establishmentB, role: "learner" });

    expect(
      (await linkSsoIdentity(testDb.db, { organisationId: establishmentB, identity: malloryAsserts(learner.email!) }))
        .status,
    ).toBe("refused");
    expect(await linkedIdentities(learner.id)).toEqual([]);
  });

  it("refuses B's own manager: a manager links the identity from Mon compte", async () => {
    const manager = await createUser(testDb.db, { organisationId: establishmentB, role: "manager" });

    expect(
      (await linkSsoIdentity(testDb.db, { organisationId: establishmentB, identity: malloryAsserts(manager.email!) }))
        .status,
    ).toBe("refused");
    expect(await linkedIdentities(manager.id)).toEqual([]);
  });

  it("does not pre-register an account with an e-mail the provider asserts (pre-registration variant)", async () => {
    const futureManagerOfA = `futur-rssi-${uniqueSuffix()}@ch-a.test`;
    const usersBefore = await testDb.db.$count(users);

    const result = await linkSsoIdentity(testDb.db, {
      organisationId: establishmentB,
      identity: malloryAsserts(futureManagerOfA),
    });

    expect(result.status).toBe("refused");
    expect(await testDb.db.$count(users)).toBe(usersBefore);
    expect(await testDb.db.$count(users, eq(users.email, futureManagerOfA))).toBe(0);
  });
});
