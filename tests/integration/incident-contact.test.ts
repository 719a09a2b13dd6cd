import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, organisations, users } from "@/db/schema";
import { DEMO_INCIDENT_CONTACT, seedDemo } from "@/db/seed/demo";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { type Actor, loadActor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { getIncidentContact } from "@/lib/incident/get-incident-contact";
import { listManagedEstablishments } from "@/lib/access/managed-establishments";
import { updateIncidentContact } from "@/lib/incident/update-incident-contact";
import { type TestDb, createTestDb } from "../support/db";

const valid = { name: "Claire Martin", phone: "04 65 71 20 26", email: "rssi@etablissement.test" };
let testDb: TestDb;
let centreId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  centreId = (await createOrganisation(testDb.db, { kind: "centre" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function newEstablishment(parentId: string = centreId) {
  return createOrganisation(testDb.db, { kind: "establishment", parentId });
}

async function actorWith(organisationId: string, role: "learner" | "manager" | "admin"): Promise<Actor> {
  const user = await createUser(testDb.db, { organisationId, role });

  return (await loadActor(testDb.db, user.id))!;
}

async function contactColumns(organisationId: string) {
  const [row] = await testDb.db
    .select({
      name: organisations.incidentContactName,
      phone: organisations.incidentContactPhone,
      email: organisations.incidentContactEmail,
      updatedAt: organisations.incidentContactUpdatedAt,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));

  return row!;
}

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);

  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("not_found");
}

describe("updateIncidentContact", () => {
  it("lets a manager set their establishment's contact, which the incident page then reads", async () => {
    const establishment = await newEstablishment();
    const manager = await actorWith(establishment.id, "manager");
    expect(await getIncidentContact(testDb.db, establishment.id)).toBeNull();

    const result = await updateIncidentContact(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      ...valid,
    });

    expect(result).toMatchObject({ ok: true, contact: valid });
    expect(await getIncidentContact(testDb.db, establishment.id)).toMatchObject(valid);
    expect((await contactColumns(establishment.id)).updatedAt).toBeInstanceOf(Date);
  });

  it("trims and collapses whitespace, and removes the contact when all three fields are empty", async () => {
    const establishment = await newEstablishment();
    const manager = await actorWith(establishment.id, "manager");

    await updateIncidentContact(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      name: "  Claire   Martin ",
      phone: " +33 4 65 71 20 26 ",
      email: " rssi@etablissement.test ",
    });
    expect(await getIncidentContact(testDb.db, establishment.id)).toMatchObject({
      name: "Claire Martin",
      phone: "+33 4 65 71 20 26",
      email: "rssi@etablissement.test",
    });

    const cleared = await updateIncidentContact(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      name: " ",
      phone: "",
      email: "",
    });

    expect(cleared).toEqual({ ok: true, contact: null });
    expect(await getIncidentContact(testDb.db, establishment.id)).toBeNull();
    expect(await contactColumns(establishment.id)).toMatchObject({ name: null, phone: null, email: null });
  });

  it("refuses a manager of another establishment with not_found and leaves the row unchanged", async () => {
    const [theirs, other] = await Promise.all([newEstablishment(), newEstablishment()]);
    const owner = await actorWith(theirs.id, "manager");
    await updateIncidentContact(testDb.db, { actor: owner, organisationId: theirs.id, ...valid });
    const before = await contactColumns(theirs.id);
    const outsider = await actorWith(other.id, "manager");

    await expectNotFound(
      updateIncidentContact(testDb.db, {
        actor: outsider,
        organisationId: theirs.id,
        name: "Mallory",
        phone: "06 00 00 00 00",
        email: "mallory@evil.test",
      }),
    );

    expect(await contactColumns(theirs.id)).toEqual(before);
  });

  it("refuses a learner of the establishment with not_found, even with invalid input", async () => {
    const establishment = await newEstablishment();
    const learner = await actorWith(establishment.id, "learner");

    await expectNotFound(
      updateIncidentContact(testDb.db, { actor: learner, organisationId: establishment.id, ...valid }),
    );
    await expectNotFound(
      updateIncidentContact(testDb.db, {
        actor: learner,
        organisationId: establishment.id,
        name: "x",
        phone: "x",
        email: "x",
      }),
    );

    expect(await contactColumns(establishment.id)).toMatchObject({ name: null, updatedAt: null });
  });

  it("refuses an id that is not an establishment's, or not an id at all, with not_found", async () => {
    const establishment = await newEstablishment();
    const manager = await actorWith(establishment.id, "manager");

    await expectNotFound(
      updateIncidentContact(testDb.db, { actor: manager, organisationId: "pas-un-identifiant", ...valid }),
    );
    await expectNotFound(updateIncidentContact(testDb.db, { actor: manager, organisationId: centreId, ...valid }));
    await expectNotFound(
      updateIncidentContact(testDb.db, {
        actor: manager,
        organisationId: "00000000-0000-4000-8000-000000000000",
        ...valid,
      }),
    );
  });

  it("lets a platform admin update an establishment under their centre, directly or through a group, and no other", async () => {
    const admin = await actorWith(centreId, "admin");
    const group = await createOrganisation(testDb.db, { kind: "group", parentId: centreId });
    const [direct, inGroup] = await Promise.all([newEstablishment(), newEstablishment(group.id)]);
    const otherCentre = await createOrganisation(testDb.db, { kind: "centre" });
    const elsewhere = await newEstablishment(otherCentre.id);

    await updateIncidentContact(testDb.db, { actor: admin, organisationId: direct.id, ...valid });
    await updateIncidentContact(testDb.db, { actor: admin, organisationId: inGroup.id, ...valid });
    await expectNotFound(updateIncidentContact(testDb.db, { actor: admin, organisationId: elsewhere.id, ...valid }));

    expect(await getIncidentContact(testDb.db, direct.id)).toMatchObject(valid);
    expect(await getIncidentContact(testDb.db, inGroup.id)).toMatchObject(valid);
    expect(await getIncidentContact(testDb.db, elsewhere.id)).toBeNull();
  });

  it("gives a French error for each invalid field and changes nothing", async () => {
    const establishment = await newEstablishment();
    const manager = await actorWith(establishment.id, "manager");
    await updateIncidentContact(testDb.db, { actor: manager, organisationId: establishment.id, ...valid });
    const before = await contactColumns(establishment.id);

    const result = await updateIncidentContact(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      name: "C",
      phone: "+44 20 7946 0000",
      email: "rssi@",
    });

    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        name: ["Le nom doit compter au moins 2 caractères."],
        phone: ["Saisissez un numéro de téléphone français, par exemple 04 91 00 00 00 ou +33 4 91 00 00 00."],
        email: ["Saisissez une adresse e-mail valide, par exemple rssi@etablissement.fr."],
      },
    });
    expect(await contactColumns(establishment.id)).toEqual(before);
  });

  it("asks for the missing fields when only some are filled in", async () => {
    const establishment = await newEstablishment();
    const manager = await actorWith(establishment.id, "manager");

    const result = await updateIncidentContact(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      name: "Claire Martin",
      phone: "",
      email: "",
    });

    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors).sort()).toEqual(["email", "phone"]);
    expect(await contactColumns(establishment.id)).toMatchObject({ name: null, updatedAt: null });
  });

  it("stores a name with markup as plain text when it fits, and refuses one over 100 characters", async () => {
    const establishment = await newEstablishment();
    const manager = await actorWith(establishment.id, "manager");
    const markup = "<script>alert('RSSI')</script>";

    await updateIncidentContact(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      ...valid,
      name: markup,
    });
    expect((await getIncidentContact(testDb.db, establishment.id))?.name).toBe(markup);

    const tooLong = await updateIncidentContact(testDb.db, {
      actor: manager,
      organisationId: establishment.id,
      ...valid,
      name: `<script>${"x".repeat(100)}</script>`,
    });

    expect(tooLong).toEqual({ ok: false, fieldErrors: { name: ["Le nom doit compter au plus 100 caractères."] } });
    expect((await getIncidentContact(testDb.db, establishment.id))?.name).toBe(markup);
  });
});

describe("listManagedEstablishments", () => {
  it("lists every establishment a manager manages, by name, and nothing else", async () => {
    const [first, second, notTheirs] = await Promise.all([
      createOrganisation(testDb.db, { parentId: centreId, name: "A — EHPAD Les Oliviers" }),
      createOrganisation(testDb.db, { parentId: centreId, name: "B — Clinique du Port" }),
      newEstablishment(),
    ]);
    const manager = await actorWith(second.id, "manager");
    await testDb.db.insert(memberships).values({ userId: manager.userId, organisationId: first.id, role: "manager" });
    const reloaded = (await loadActor(testDb.db, manager.userId))!;

    const list = await listManagedEstablishments(testDb.db, { actor: reloaded });

    expect(list.map((establishment) => establishment.id)).toEqual([first.id, second.id]);
    expect(list.map((establishment) => establishment.id)).not.toContain(notTheirs.id);
  });
});

describe("seedDemo", () => {
  it("gives the demo establishment Claire Martin as RSSI, and keeps a manager's change when run again", async () => {
    const { establishmentId } = await seedDemo(testDb.db);
    expect(await getIncidentContact(testDb.db, establishmentId)).toMatchObject(DEMO_INCIDENT_CONTACT);
    const [demoManager] = await testDb.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "rssi@vigie.test"));
    const manager = (await loadActor(testDb.db, demoManager!.id))!;
    await updateIncidentContact(testDb.db, {
      actor: manager,
      organisationId: establishmentId,
      ...valid,
      name: "Nouveau RSSI",
    });

    await seedDemo(testDb.db);

    expect((await getIncidentContact(testDb.db, establishmentId))?.name).toBe("Nouveau RSSI");
  });
});
