import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountCreationMode, accounts, memberships, organisationSso, users } from "@/db/schema";
import { createOrganisation, createUser, uniqueSuffix } from "@/db/seed/factories";
import { type SsoIdentity, linkSsoIdentity } from "@/lib/sso/link-sso-identity";
import { type TestDb, createTestDb } from "../support/db";

// M6 of the December 2026 review: who may get an account by signing in through an establishment's provider.
const PSC_ISSUER = "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet";
const FINESS = "130000001";
let testDb: TestDb;
let centreId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  centreId = (await createOrganisation(testDb.db, { kind: "centre" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

type Policy = {
  accountCreation?: AccountCreationMode;
  isProSanteConnect?: boolean;
  allowedEmailDomains?: string[];
  structureIds?: string[];
};

async function establishmentWith(policy: Policy | null): Promise<string> {
  const { id } = await createOrganisation(testDb.db, { parentId: centreId });
  if (policy)
    await testDb.db.insert(organisationSso).values({
      organisationId: id,
      displayName: "Pro Santé Connect",
      issuer: PSC_ISSUER,
      clientId: "vigie",
      clientSecretEncrypted: "v1.x.x.x",
      ...policy,
    });

  return id;
}

function professional(overrides: Partial<SsoIdentity> = {}): SsoIdentity {
  const suffix = uniqueSuffix();

  return {
    issuer: PSC_ISSUER,
    subject: `8${suffix}`,
    email: `pro-${suffix}@ch-exemple.fr`,
    emailVerified: true,
    name: "Léa Rousseau-Ngô",
    structureIds: [],
    ...overrides,
  };
}

async function membershipsOf(userId: string) {
  return testDb.db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
}

describe("account creation through an establishment's provider (M6)", () => {
  it("refuses an unknown identity by default, with settings saved before this rule, and without settings", async () => {
    const usersBefore = await testDb.db.$count(users);
    for (const organisationId of [await establishmentWith({}), await establishmentWith(null)]) {
      expect(
        await linkSsoIdentity(testDb.db, { organisationId, identity: professional({ structureIds: [FINESS] }) }),
      ).toEqual({ status: "refused", reason: "no_account" });
    }
    expect(await testDb.db.$count(users)).toBe(usersBefore);
  });

  it("creates a learner, with the e-mail, for a verified address of an allowed domain only", async () => {
    const organisationId = await establishmentWith({
      accountCreation: "email_domain",
      allowedEmailDomains: ["ch-exemple.fr"],
    });
    const person = professional();

    const created = await linkSsoIdentity(testDb.db, { organisationId, identity: person });

    expect(created).toMatchObject({ status: "signed_in", how: "created", user: { email: person.email } });
    if (created.status !== "signed_in") return;
    expect(await membershipsOf(created.user.id)).toEqual([{ organisationId, role: "learner" }]);
    const [row] = await testDb.db.select().from(users).where(eq(users.id, created.user.id));
    expect(row).toMatchObject({ createdBySsoIssuer: PSC_ISSUER, createdBySsoOrganisationId: organisationId });
    for (const refused of [
      professional({ email: `x-${uniqueSuffix()}@autre-ch.fr` }),
      professional({ email: `x-${uniqueSuffix()}@sous.ch-exemple.fr` }),
      professional({ emailVerified: false }),
      professional({ email: null }),
    ]) {
      expect(await linkSsoIdentity(testDb.db, { organisationId, identity: refused })).toEqual({
        status: "refused",
        reason: "no_account",
      });
    }
  });

  it("creates a learner for a Pro Santé Connect professional who practises in one of the establishment's structures, and refuses the others", async () => {
    const organisationId = await establishmentWith({
      accountCreation: "psc_structure",
      isProSanteConnect: true,
      structureIds: [FINESS, "12345678901234"],
    });

    const created = await linkSsoIdentity(testDb.db, {
      organisationId,
      identity: professional({ structureIds: ["750000000", "12345678901234"] }),
    });
    expect(created).toMatchObject({ status: "signed_in", how: "created", user: { email: null } });
    expect(
      await linkSsoIdentity(testDb.db, { organisationId, identity: professional({ structureIds: ["750000000"] }) }),
    ).toEqual({ status: "refused", reason: "no_account" });
    expect(await linkSsoIdentity(testDb.db, { organisationId, identity: professional() })).toEqual({
      status: "refused",
      reason: "no_account",
    });
  });

  it("keeps a professional's e-mail only for a domain the platform admins allowed", async () => {
    const organisationId = await establishmentWith({
      accountCreation: "psc_structure",
      isProSanteConnect: true,
      structureIds: [FINESS],
      allowedEmailDomains: ["ch-exemple.fr"],
    });

    expect(
      await linkSsoIdentity(testDb.db, { organisationId, identity: professional({ structureIds: [FINESS] }) }),
    ).toMatchObject({ status: "signed_in", user: { email: expect.stringContaining("@ch-exemple.fr") } });
    expect(
      await linkSsoIdentity(testDb.db, {
        organisationId,
        identity: professional({ structureIds: [FINESS], email: `p-${uniqueSuffix()}@gmail.test` }),
      }),
    ).toMatchObject({ status: "signed_in", user: { email: null } });
  });

  it("does not match structures for a provider that is not marked as Pro Santé Connect", async () => {
    const organisationId = await establishmentWith({
      accountCreation: "psc_structure",
      isProSanteConnect: false,
      structureIds: [FINESS],
    });

    expect(
      await linkSsoIdentity(testDb.db, { organisationId, identity: professional({ structureIds: [FINESS] }) }),
    ).toEqual({ status: "refused", reason: "no_account" });
  });
});

describe("automatic linking of a new identity to an existing account", () => {
  it("links an account the same provider created, even with a learner membership elsewhere", async () => {
    const organisationId = await establishmentWith({
      accountCreation: "email_domain",
      allowedEmailDomains: ["ch-exemple.fr"],
    });
    const other = await establishmentWith(null);
    const first = await linkSsoIdentity(testDb.db, { organisationId, identity: professional() });
    if (first.status !== "signed_in") throw new Error("expected a sign-in");
    await testDb.db.insert(memberships).values({ userId: first.user.id, organisationId: other, role: "learner" });

    const again = professional({ email: first.user.email });
    expect(await linkSsoIdentity(testDb.db, { organisationId, identity: again })).toMatchObject({
      status: "signed_in",
      how: "linked",
      user: { id: first.user.id },
    });
  });

  it("asks for the link from Mon compte when another provider created the account or it has another establishment", async () => {
    const organisationId = await establishmentWith({
      accountCreation: "email_domain",
      allowedEmailDomains: ["ch-exemple.fr"],
    });
    const other = await establishmentWith(null);
    const learner = await createUser(testDb.db, { organisationId, email: `l-${uniqueSuffix()}@ch-exemple.fr` });
    await testDb.db.update(users).set({ createdBySsoIssuer: "https://autre-idp.test" }).where(eq(users.id, learner.id));
    await testDb.db.insert(memberships).values({ userId: learner.id, organisationId: other, role: "learner" });
    const identity = professional({ email: learner.email });

    expect(await linkSsoIdentity(testDb.db, { organisationId, identity })).toEqual({
      status: "refused",
      reason: "link_required",
    });
    expect(
      await testDb.db
        .select()
        .from(accounts)
        .where(and(eq(accounts.provider, PSC_ISSUER), eq(accounts.providerAccountId, identity.subject))),
    ).toEqual([]);
  });
});
