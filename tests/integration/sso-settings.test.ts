import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, organisationSso } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { type Actor } from "@/lib/auth/load-actor";
import { signedInActor } from "../support/signed-in-actor";
import { AppError } from "@/lib/errors";
import { decryptClientSecret, encryptClientSecret } from "@/lib/sso/client-secret-crypto";
import { findSsoEstablishment } from "@/lib/sso/find-sso-establishment";
import { getSsoSettings } from "@/lib/sso/get-sso-settings";
import { listSsoEstablishments } from "@/lib/sso/list-sso-establishments";
import { removeSsoSettings } from "@/lib/sso/remove-sso-settings";
import { saveSsoSettings } from "@/lib/sso/save-sso-settings";
import { type TestDb, createTestDb } from "../support/db";

const SECRET = "s3cr3t-du-client-qui-ne-doit-jamais-fuiter";
const valid = {
  displayName: "Pro Santé Connect",
  issuer: "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet",
  clientId: "vigie-ch",
  clientSecret: SECRET,
  discoveryPath: "/.well-known/wallet-openid-configuration",
  scopes: "openid scope_all",
  acrValues: "eidas1",
  isEnabled: true,
};
let testDb: TestDb;
let centreId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  centreId = (await createOrganisation(testDb.db, { kind: "centre" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function actorWith(organisationId: string, role: "learner" | "manager" | "admin"): Promise<Actor> {
  const user = await createUser(testDb.db, { organisationId, role });

  return (await signedInActor(testDb.db, user.id))!;
}

async function storedRow(organisationId: string) {
  const [row] = await testDb.db
    .select()
    .from(organisationSso)
    .where(eq(organisationSso.organisationId, organisationId));

  return row;
}

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);

  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("not_found");
}

describe("saveSsoSettings", () => {
  it("lets a manager configure their establishment, stores the secret encrypted and never returns it", async () => {
    const establishment = await createOrganisation(testDb.db, { parentId: centreId });
    const manager = await actorWith(establishment.id, "manager");

    expect(
      await saveSsoSettings(testDb.db, { actor: manager, organisationId: establishment.id, input: valid }),
    ).toEqual({ ok: true, created: true });

    const row = (await storedRow(establishment.id))!;
    expect(row.clientSecretEncrypted).not.toContain(SECRET);
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(decryptClientSecret(row.clientSecretEncrypted)).toBe(SECRET);
    const settings = await getSsoSettings(testDb.db, { actor: manager, organisationId: establishment.id });
    expect(settings).toMatchObject({
      displayName: "Pro Santé Connect",
      issuer: valid.issuer,
      clientId: "vigie-ch",
      hasClientSecret: true,
      acrValues: "eidas1",
    });
    expect(JSON.stringify(settings)).not.toContain(SECRET);
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.organisationId, establishment.id));
    expect(audit.map((entry) => entry.action)).toEqual(["sso.configured"]);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  it("keeps the secret when it is left blank on edit, and changes it when a new one is typed", async () => {
    const establishment = await createOrganisation(testDb.db, { parentId: centreId });
    const manager = await actorWith(establishment.id, "manager");
    await saveSsoSettings(testDb.db, { actor: manager, organisationId: establishment.id, input: valid });

    await saveSsoSettings(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      input: { ...valid, clientSecret: "", displayName: "Compte du CH (Keycloak)", isEnabled: false },
    });
    let row = (await storedRow(establishment.id))!;
    expect(decryptClientSecret(row.clientSecretEncrypted)).toBe(SECRET);
    expect(row).toMatchObject({ displayName: "Compte du CH (Keycloak)", isEnabled: false });

    await saveSsoSettings(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      input: { ...valid, clientSecret: "nouveau-secret" },
    });
    row = (await storedRow(establishment.id))!;
    expect(decryptClientSecret(row.clientSecretEncrypted)).toBe("nouveau-secret");
  });

  it("does not decrypt the secret with another key", async () => {
    const establishment = await createOrganisation(testDb.db, { parentId: centreId });
    const manager = await actorWith(establishment.id, "manager");
    await saveSsoSettings(testDb.db, { actor: manager, organisationId: establishment.id, input: valid });
    const row = (await storedRow(establishment.id))!;

    expect(decryptClientSecret(row.clientSecretEncrypted, "une-toute-autre-cle-de-32-caracteres-au-moins")).toBeNull();
  });

  it("asks for the secret again when the stored one can no longer be decrypted (AUTH_SECRET changed)", async () => {
    const establishment = await createOrganisation(testDb.db, { parentId: centreId });
    const manager = await actorWith(establishment.id, "manager");
    await saveSsoSettings(testDb.db, { actor: manager, organisationId: establishment.id, input: valid });
    await testDb.db
      .update(organisationSso)
      .set({ clientSecretEncrypted: encryptClientSecret(SECRET, "une-ancienne-cle-de-32-caracteres-au-moins") })
      .where(eq(organisationSso.organisationId, establishment.id));

    expect(await getSsoSettings(testDb.db, { actor: manager, organisationId: establishment.id })).toMatchObject({
      hasClientSecret: false,
    });
    const result = await saveSsoSettings(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      input: { ...valid, clientSecret: "" },
    });
    expect(result.ok ? [] : Object.keys(result.fieldErrors)).toEqual(["clientSecret"]);
  });

  it("refuses bad input with French messages for every field and writes nothing", async () => {
    const establishment = await createOrganisation(testDb.db, { parentId: centreId });
    const manager = await actorWith(establishment.id, "manager");

    const result = await saveSsoSettings(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      input: {
        displayName: "",
        issuer: "http://idp.example.org",
        clientId: "",
        clientSecret: "",
        discoveryPath: "well-known",
        scopes: "email profile",
        acrValues: "",
      },
    });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual([
      "clientId",
      "discoveryPath",
      "displayName",
      "issuer",
      "scopes",
    ]);
    expect(result.fieldErrors.issuer![0]).toContain("https://");
    expect(await storedRow(establishment.id)).toBeUndefined();
  });

  it("requires a secret on creation and accepts http only on loopback hosts", async () => {
    const establishment = await createOrganisation(testDb.db, { parentId: centreId });
    const manager = await actorWith(establishment.id, "manager");

    const noSecret = await saveSsoSettings(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      input: { ...valid, clientSecret: "" },
    });
    expect(noSecret.ok ? [] : Object.keys(noSecret.fieldErrors)).toEqual(["clientSecret"]);
    const loopback = await saveSsoSettings(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      input: { ...valid, issuer: "http://127.0.0.1:3202" },
    });
    expect(loopback.ok).toBe(true);
  });

  it("lets a platform admin configure an establishment under their centre", async () => {
    const group = await createOrganisation(testDb.db, { kind: "group", parentId: centreId });
    const establishment = await createOrganisation(testDb.db, { parentId: group.id });
    const admin = await actorWith(centreId, "admin");

    expect(
      (await saveSsoSettings(testDb.db, { actor: admin, organisationId: establishment.id, input: valid })).ok,
    ).toBe(true);
    expect(await removeSsoSettings(testDb.db, { actor: admin, organisationId: establishment.id })).toBe(true);
    expect(await storedRow(establishment.id)).toBeUndefined();
  });

  it("answers not_found to a manager of another establishment, a learner and an admin of another centre, and changes nothing", async () => {
    const establishment = await createOrganisation(testDb.db, { parentId: centreId });
    const other = await createOrganisation(testDb.db, { parentId: centreId });
    const otherCentre = await createOrganisation(testDb.db, { kind: "centre" });
    const manager = await actorWith(establishment.id, "manager");
    await saveSsoSettings(testDb.db, { actor: manager, organisationId: establishment.id, input: valid });
    const before = await storedRow(establishment.id);

    const outsiders = [
      await actorWith(other.id, "manager"),
      await actorWith(establishment.id, "learner"),
      await actorWith(otherCentre.id, "admin"),
    ];
    for (const outsider of outsiders) {
      await expectNotFound(
        saveSsoSettings(testDb.db, {
          actor: outsider,
          organisationId: establishment.id,
          input: { ...valid, issuer: "https://evil.example.org" },
        }),
      );
      await expectNotFound(getSsoSettings(testDb.db, { actor: outsider, organisationId: establishment.id }));
      await expectNotFound(removeSsoSettings(testDb.db, { actor: outsider, organisationId: establishment.id }));
    }
    await expectNotFound(saveSsoSettings(testDb.db, { actor: manager, organisationId: "not-a-uuid", input: valid }));

    expect(await storedRow(establishment.id)).toEqual(before);
  });
});

describe("listSsoEstablishments and findSsoEstablishment", () => {
  it("lists only enabled configurations, searches by name literally, and finds one by slug", async () => {
    const name = `CH Sainte-Marguerite 100%_${Date.now()}`;
    const establishment = await createOrganisation(testDb.db, { parentId: centreId, name });
    const disabled = await createOrganisation(testDb.db, { parentId: centreId, name: `${name} bis` });
    const admin = await actorWith(centreId, "admin");
    await saveSsoSettings(testDb.db, { actor: admin, organisationId: establishment.id, input: valid });
    await saveSsoSettings(testDb.db, {
      actor: admin,
      organisationId: disabled.id,
      input: { ...valid, isEnabled: false },
    });

    const { choices } = await listSsoEstablishments(testDb.db, { search: "100%_" });
    expect(choices).toEqual([{ name, slug: establishment.slug, displayName: "Pro Santé Connect" }]);
    expect((await listSsoEstablishments(testDb.db, { search: "100%x" })).choices).toEqual([]);
    expect(await findSsoEstablishment(testDb.db, establishment.slug)).toMatchObject({
      organisationId: establishment.id,
      clientSecret: SECRET,
      isEnabled: true,
    });
    expect(await findSsoEstablishment(testDb.db, disabled.slug)).toMatchObject({ isEnabled: false });
    expect(await findSsoEstablishment(testDb.db, "inconnu")).toBeNull();
  });
});

describe("saveSsoSettings: provider changes and who may create accounts", () => {
  it("drops the stored secret and asks for a new one when the issuer or the discovery path changes (L4)", async () => {
    const establishment = await createOrganisation(testDb.db, { parentId: centreId });
    const manager = await actorWith(establishment.id, "manager");
    await saveSsoSettings(testDb.db, { actor: manager, organisationId: establishment.id, input: valid });

    for (const change of [
      { issuer: "https://idp.ailleurs.test/realms/x" },
      { discoveryPath: "/.well-known/openid-configuration" },
    ]) {
      const result = await saveSsoSettings(testDb.db, {
        actor: manager,
        organisationId: establishment.id,
        input: { ...valid, ...change, clientSecret: "" },
      });
      expect(result.ok ? [] : Object.keys(result.fieldErrors)).toEqual(["clientSecret"]);
      expect((await storedRow(establishment.id))!.issuer).toBe(valid.issuer);
    }

    await saveSsoSettings(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      input: { ...valid, issuer: "https://idp.ailleurs.test/realms/x", clientSecret: "secret-du-nouveau" },
    });
    const row = (await storedRow(establishment.id))!;
    expect(decryptClientSecret(row.clientSecretEncrypted)).toBe("secret-du-nouveau");
  });

  it("lets only a platform admin set the allowed e-mail domains, and clears them when a manager changes the issuer", async () => {
    const establishment = await createOrganisation(testDb.db, { parentId: centreId });
    const manager = await actorWith(establishment.id, "manager");
    const admin = await actorWith(centreId, "admin");

    await saveSsoSettings(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      input: { ...valid, allowedEmailDomains: "ch-a.fr" },
    });
    expect((await storedRow(establishment.id))!.allowedEmailDomains).toEqual([]);
    const refused = await saveSsoSettings(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      input: { ...valid, accountCreation: "email_domain", allowedEmailDomains: "ch-a.fr" },
    });
    expect(refused.ok ? [] : Object.keys(refused.fieldErrors)).toEqual(["accountCreation"]);

    await saveSsoSettings(testDb.db, {
      actor: admin,
      organisationId: establishment.id,
      input: { ...valid, accountCreation: "email_domain", allowedEmailDomains: "@CH-Exemple.fr, ght.ch-exemple.fr" },
    });
    expect(await storedRow(establishment.id)).toMatchObject({
      accountCreation: "email_domain",
      allowedEmailDomains: ["ch-exemple.fr", "ght.ch-exemple.fr"],
    });
    await saveSsoSettings(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      input: { ...valid, accountCreation: "email_domain", displayName: "Compte du CH" },
    });
    expect((await storedRow(establishment.id))!.allowedEmailDomains).toEqual(["ch-exemple.fr", "ght.ch-exemple.fr"]);

    const moved = await saveSsoSettings(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      input: { ...valid, issuer: "https://idp.mallory.test/realms/x", clientSecret: "x" },
    });
    expect(moved.ok).toBe(true);
    expect(await storedRow(establishment.id)).toMatchObject({
      issuer: "https://idp.mallory.test/realms/x",
      allowedEmailDomains: [],
      accountCreation: "none",
    });
  });

  it("creates by structure only for Pro Santé Connect with FINESS or SIRET numbers, and says what is wrong", async () => {
    const establishment = await createOrganisation(testDb.db, { parentId: centreId });
    const manager = await actorWith(establishment.id, "manager");
    const fields = async (input: Record<string, unknown>) => {
      const result = await saveSsoSettings(testDb.db, {
        actor: manager,
        organisationId: establishment.id,
        input: { ...valid, ...input },
      });
      return result.ok ? [] : Object.keys(result.fieldErrors).sort();
    };

    expect(await fields({ accountCreation: "psc_structure", structureIds: "130000001" })).toEqual(["accountCreation"]);
    expect(await fields({ accountCreation: "psc_structure", isProSanteConnect: true })).toEqual(["accountCreation"]);
    expect(
      await fields({ accountCreation: "psc_structure", isProSanteConnect: true, structureIds: "13000000, CHU" }),
    ).toEqual(["structureIds"]);
    expect(await fields({ accountCreation: "tout-le-monde" })).toEqual(["accountCreation"]);
    expect(
      await fields({
        accountCreation: "psc_structure",
        isProSanteConnect: true,
        structureIds: "2a0000001\n123 45678901234",
      }),
    ).toEqual(["structureIds"]);
    expect(
      await fields({
        accountCreation: "psc_structure",
        isProSanteConnect: true,
        structureIds: "2a0000001, 12345678901234",
      }),
    ).toEqual([]);
    expect(await storedRow(establishment.id)).toMatchObject({
      accountCreation: "psc_structure",
      isProSanteConnect: true,
      structureIds: ["2A0000001", "12345678901234"],
    });
  });
});
