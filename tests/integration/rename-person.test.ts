import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, memberships, users } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import type { Actor } from "@/lib/auth/load-actor";
import { renamePerson } from "@/lib/people/rename-person";
import { linkSsoIdentity } from "@/lib/sso/link-sso-identity";
import { type TestDb, createTestDb } from "../support/db";
import { signedInActor } from "../support/signed-in-actor";

/**
 * Issue 17, "a name can never be corrected": a learner corrects their own name, a manager a
 * member's of an establishment they manage; an outsider is not_found, an account an identity
 * provider vouches for follows the provider (refused here, updated at each SSO sign-in), a bad
 * name changes nothing, and every change is audited with the old and the new name.
 */

let testDb: TestDb;
let hospital: string;
let nursingHome: string;
let clinic: string;
const ISSUER = "https://idp.hopital.test/realms/agents";

const actorOf = async (userId: string): Promise<Actor> => (await signedInActor(testDb.db, userId))!;
const actorIn = async (organisationId: string, role: "learner" | "manager") =>
  actorOf((await createUser(testDb.db, { organisationId, role })).id);
const nameOf = async (userId: string) =>
  (await testDb.db.select({ name: users.name }).from(users).where(eq(users.id, userId)))[0]?.name;
const renamesOf = async (userId: string) =>
  testDb.db
    .select({ actorUserId: auditLog.actorUserId, organisationId: auditLog.organisationId, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.targetId, userId))
    .then((rows) => rows.filter((row) => (row.details as { from?: string }).from !== undefined));

beforeAll(async () => {
  testDb = await createTestDb();
  const centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  hospital = (await createOrganisation(testDb.db, { parentId: centre, name: "Centre hospitalier" })).id;
  nursingHome = (await createOrganisation(testDb.db, { parentId: centre, name: "EHPAD" })).id;
  clinic = (await createOrganisation(testDb.db, { parentId: centre, name: "Clinique" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

describe("renamePerson", () => {
  it("lets a learner correct their own name, normalised, and audits the old and the new one", async () => {
    const learner = await actorOf(
      (await createUser(testDb.db, { organisationId: hospital, name: "Françoise Lefevre" })).id,
    );

    expect(
      await renamePerson(testDb.db, {
        actor: learner,
        userId: learner.userId,
        name: "  Françoise   Lefe\u0300vre-Nguyễn ",
      }),
    ).toEqual({ name: "Françoise Lefèvre-Nguyễn", changed: true });

    expect(await nameOf(learner.userId)).toBe("Françoise Lefèvre-Nguyễn");
    expect((await actorOf(learner.userId)).name).toBe("Françoise Lefèvre-Nguyễn");
    expect(await renamesOf(learner.userId)).toEqual([
      {
        actorUserId: learner.userId,
        organisationId: null,
        details: { from: "Françoise Lefevre", to: "Françoise Lefèvre-Nguyễn", by: "self" },
      },
    ]);
  });

  it("refuses an invisible, letterless or too long name with bad_request, and changes nothing", async () => {
    const learner = await actorIn(hospital, "learner");
    const before = await nameOf(learner.userId);

    for (const name of ["\u200B \u200D\uFEFF", "12 34", "é".repeat(121), " a "]) {
      await expect(renamePerson(testDb.db, { actor: learner, userId: learner.userId, name })).rejects.toMatchObject({
        code: "bad_request",
      });
    }
    expect(await nameOf(learner.userId)).toBe(before);
    expect(await renamesOf(learner.userId)).toEqual([]);
  });

  it("records nothing when the name is the same", async () => {
    const learner = await actorIn(hospital, "learner");

    expect(await renamePerson(testDb.db, { actor: learner, userId: learner.userId, name: learner.name })).toEqual({
      name: learner.name,
      changed: false,
    });
    expect(await renamesOf(learner.userId)).toEqual([]);
  });

  it("lets a manager correct a member's name, the manager recorded as who did it", async () => {
    const [manager, learner] = await Promise.all([
      actorIn(hospital, "manager"),
      createUser(testDb.db, { organisationId: hospital, name: "Jean Dupont" }),
    ]);

    await renamePerson(testDb.db, {
      actor: manager,
      userId: learner.id,
      organisationId: hospital,
      name: "Jean Dupond",
    });

    expect(await nameOf(learner.id)).toBe("Jean Dupond");
    expect(await renamesOf(learner.id)).toEqual([
      {
        actorUserId: manager.userId,
        organisationId: hospital,
        details: { from: "Jean Dupont", to: "Jean Dupond", by: "manager" },
      },
    ]);
  });

  it("lets the manager of either establishment of a person who works in both correct the name", async () => {
    const [ofHospital, ofNursingHome, shared] = await Promise.all([
      actorIn(hospital, "manager"),
      actorIn(nursingHome, "manager"),
      createUser(testDb.db, { organisationId: hospital, name: "Aïcha Benali" }),
    ]);
    await testDb.db.insert(memberships).values({ userId: shared.id, organisationId: nursingHome, role: "learner" });

    await renamePerson(testDb.db, {
      actor: ofHospital,
      userId: shared.id,
      organisationId: hospital,
      name: "Aïcha Ben Ali",
    });
    await renamePerson(testDb.db, {
      actor: ofNursingHome,
      userId: shared.id,
      organisationId: nursingHome,
      name: "Aïcha Benali-Martin",
    });

    expect(await nameOf(shared.id)).toBe("Aïcha Benali-Martin");
    expect((await renamesOf(shared.id)).map((row) => row.actorUserId)).toEqual([
      ofHospital.userId,
      ofNursingHome.userId,
    ]);
  });

  it("gives the manager of another establishment not_found, through theirs or the member's, and changes nothing", async () => {
    const [outsider, learner] = await Promise.all([
      actorIn(clinic, "manager"),
      createUser(testDb.db, { organisationId: hospital, name: "Paul Martin" }),
    ]);

    await expect(
      renamePerson(testDb.db, { actor: outsider, userId: learner.id, organisationId: hospital, name: "Usurpé" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      renamePerson(testDb.db, { actor: outsider, userId: learner.id, organisationId: clinic, name: "Usurpé" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      renamePerson(testDb.db, { actor: outsider, userId: learner.id, name: "Usurpé" }),
    ).rejects.toMatchObject({ code: "not_found" });
    const fellowLearner = await actorIn(hospital, "learner");
    await expect(
      renamePerson(testDb.db, { actor: fellowLearner, userId: learner.id, organisationId: hospital, name: "Usurpé" }),
    ).rejects.toMatchObject({ code: "not_found" });

    expect(await nameOf(learner.id)).toBe("Paul Martin");
    expect(await renamesOf(learner.id)).toEqual([]);
  });

  it("refuses to rename an account an identity provider vouches for, to the person and to the manager", async () => {
    const [manager, person] = await Promise.all([
      actorIn(hospital, "manager"),
      createUser(testDb.db, { organisationId: hospital, name: "Nom du fournisseur" }),
    ]);
    await testDb.db
      .insert(accounts)
      .values({ userId: person.id, type: "oidc", provider: ISSUER, providerAccountId: `sub-${person.id}` });
    const self = await actorOf(person.id);

    await expect(renamePerson(testDb.db, { actor: self, userId: person.id, name: "Autre nom" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      renamePerson(testDb.db, { actor: manager, userId: person.id, organisationId: hospital, name: "Autre nom" }),
    ).rejects.toMatchObject({ code: "conflict" });

    expect(await nameOf(person.id)).toBe("Nom du fournisseur");
    expect(await renamesOf(person.id)).toEqual([]);
  });
});

describe("an SSO sign-in", () => {
  it("sets the name the provider sends, audited, and keeps it when the provider sends none or an invalid one", async () => {
    const person = await createUser(testDb.db, { organisationId: hospital, name: "Marie Curei" });
    const subject = `sub-${person.id}`;
    await testDb.db
      .insert(accounts)
      .values({ userId: person.id, type: "oidc", provider: ISSUER, providerAccountId: subject });
    const identity = (name: string | null) => ({
      issuer: ISSUER,
      subject,
      email: null,
      emailVerified: false,
      name,
      structureIds: [],
    });

    expect(
      await linkSsoIdentity(testDb.db, { organisationId: hospital, identity: identity("Marie Curie") }),
    ).toMatchObject({ status: "signed_in", user: { name: "Marie Curie" } });
    expect(await nameOf(person.id)).toBe("Marie Curie");
    await linkSsoIdentity(testDb.db, { organisationId: hospital, identity: identity(null) });
    await linkSsoIdentity(testDb.db, { organisationId: hospital, identity: identity("\u200B\u200B") });
    await linkSsoIdentity(testDb.db, { organisationId: hospital, identity: identity("Marie Curie") });

    expect(await nameOf(person.id)).toBe("Marie Curie");
    expect(await renamesOf(person.id)).toEqual([
      {
        actorUserId: person.id,
        organisationId: hospital,
        details: { from: "Marie Curei", to: "Marie Curie", by: "sso", issuer: ISSUER },
      },
    ]);
  });
});
