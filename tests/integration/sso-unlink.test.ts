import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, organisationSso, passwordCredentials, users } from "@/db/schema";
import { createOrganisation, createUser, uniqueSuffix } from "@/db/seed/factories";
import { loadActor } from "@/lib/auth/load-actor";
import { listLinkedSsoIdentities, unlinkSsoIdentity } from "@/lib/sso/unlink-sso-identity";
import { type TestDb, createTestDb } from "../support/db";

/**
 * "Mon compte": a person unlinks a provider's identity from their own account, audited; refused
 * when it is their only way in (no password, no e-mail for a link, no other provider), and never
 * reaching anyone else's identity.
 */

const ISSUER = "https://idp.chu.test/realms/personnel";
const OTHER_ISSUER = "https://idp.ehpad.test/realms/staff";
let testDb: TestDb;
let organisationId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  organisationId = (await createOrganisation(testDb.db)).id;
  await testDb.db.insert(organisationSso).values({
    organisationId,
    displayName: "Compte du CHU",
    issuer: ISSUER,
    clientId: "vigie",
    clientSecretEncrypted: "v1.x.x.x",
  });
});

afterAll(async () => {
  await testDb?.close();
});

/** A learner with the given ways in, and an identity at ISSUER. */
async function person(options: { password?: boolean; email?: boolean; otherIssuer?: boolean }) {
  const user = await createUser(testDb.db, {
    organisationId,
    password: options.password ? "un mot de passe de test" : undefined,
  });
  if (!options.email)
    await testDb.db
      .update(users)
      .set({ email: null, username: `agent.${uniqueSuffix()}` })
      .where(eq(users.id, user.id));
  if (!options.password) await testDb.db.delete(passwordCredentials).where(eq(passwordCredentials.userId, user.id));
  const subject = `sub-${uniqueSuffix()}`;
  await testDb.db
    .insert(accounts)
    .values({ userId: user.id, type: "oidc", provider: ISSUER, providerAccountId: subject });
  if (options.otherIssuer)
    await testDb.db
      .insert(accounts)
      .values({ userId: user.id, type: "oidc", provider: OTHER_ISSUER, providerAccountId: subject });

  return { actor: (await loadActor(testDb.db, user.id))!, subject };
}

const identitiesOf = (userId: string) => testDb.db.select().from(accounts).where(eq(accounts.userId, userId));
const auditOf = (userId: string) =>
  testDb.db
    .select({ action: auditLog.action, details: auditLog.details, targetId: auditLog.targetId })
    .from(auditLog)
    .where(eq(auditLog.actorUserId, userId));

describe("unlinkSsoIdentity", () => {
  it("unlinks the provider from an account that keeps an e-mail (sign-in links) or a password, and audits it without the subject", async () => {
    for (const ways of [{ email: true }, { password: true }, { otherIssuer: true }]) {
      const { actor, subject } = await person(ways);
      expect((await listLinkedSsoIdentities(testDb.db, actor.userId)).map((identity) => identity.issuer)).toContain(
        ISSUER,
      );

      expect(await unlinkSsoIdentity(testDb.db, { actor, issuer: ISSUER })).toEqual({ ok: true });
      expect((await identitiesOf(actor.userId)).map((row) => row.provider)).not.toContain(ISSUER);
      const audit = await auditOf(actor.userId);
      expect(audit).toEqual([{ action: "sso.identity_unlinked", details: { issuer: ISSUER }, targetId: actor.userId }]);
      expect(JSON.stringify(audit)).not.toContain(subject);
    }
  });

  it("refuses, and changes nothing, when the provider is the only way in: no password, no e-mail, no other provider", async () => {
    const { actor } = await person({});

    expect(await unlinkSsoIdentity(testDb.db, { actor, issuer: ISSUER })).toEqual({ ok: false, reason: "only_way_in" });
    expect(await identitiesOf(actor.userId)).toHaveLength(1);
    expect((await auditOf(actor.userId)).map((row) => row.action)).toEqual(["sso.unlink_refused"]);
  });

  it("answers not_found for a provider not linked to the account, and never touches another person's identity", async () => {
    const { actor } = await person({ email: true });
    const other = await person({ email: true });

    await expect(unlinkSsoIdentity(testDb.db, { actor, issuer: OTHER_ISSUER })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await unlinkSsoIdentity(testDb.db, { actor, issuer: ISSUER })).toEqual({ ok: true });
    expect(
      await testDb.db
        .select()
        .from(accounts)
        .where(and(eq(accounts.userId, other.actor.userId), eq(accounts.provider, ISSUER))),
    ).toHaveLength(1);
  });

  it("names an identity by its establishment's provider, and one of no establishment by its host", async () => {
    const { actor } = await person({ email: true, otherIssuer: true });

    expect(await listLinkedSsoIdentities(testDb.db, actor.userId)).toEqual([
      { issuer: ISSUER, displayName: "Compte du CHU" },
      { issuer: OTHER_ISSUER, displayName: "idp.ehpad.test" },
    ]);
  });
});
