import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, reminderSettings } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { listManagedEstablishments, resolveManagerEstablishment } from "@/lib/access/managed-establishments";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { type Actor, loadActor } from "@/lib/auth/load-actor";
import { certificatesArchive } from "@/lib/certificates/certificates-archive";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { previewRoster } from "@/lib/enrolment/import-roster";
import { updateIncidentContact } from "@/lib/incident/update-incident-contact";
import { remindLearners } from "@/lib/reminders/remind-learners";
import { updateReminderSettings } from "@/lib/reminders/reminder-settings";
import { getSsoSettings } from "@/lib/sso/get-sso-settings";
import { type TestDb, createTestDb } from "../support/db";

/**
 * Manager pages, actions and routes act on the establishment named or explicitly chosen, never on
 * the first by name (issue 14: "name order never decides"). A person who manages A and is a
 * learner of B never reaches B's data through them.
 */

const catalogue = loadCatalogue();
let testDb: TestDb;
let centre: string;
// Names chosen so that name order would pick the wrong one: "Aaa…" sorts first.
let first: string;
let second: string;
let learnerPlace: string;
let managerOfBoth: Actor;
let managerOfSecondLearnerOfFirst: Actor;
let admin: Actor;

const actorOf = async (userId: string) => (await loadActor(testDb.db, userId))!;

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  centre = (await createOrganisation(db, { kind: "centre" })).id;
  first = (await createOrganisation(db, { parentId: centre, name: "Aaa Centre hospitalier" })).id;
  second = (await createOrganisation(db, { parentId: centre, name: "Zzz EHPAD" })).id;
  learnerPlace = first;
  const both = await createUser(db, { organisationId: first, role: "manager" });
  await db.insert(memberships).values({ userId: both.id, organisationId: second, role: "manager" });
  managerOfBoth = await actorOf(both.id);
  const mixed = await createUser(db, { organisationId: second, role: "manager" });
  await db.insert(memberships).values({ userId: mixed.id, organisationId: learnerPlace, role: "learner" });
  managerOfSecondLearnerOfFirst = await actorOf(mixed.id);
  admin = await actorOf((await createUser(db, { organisationId: centre, role: "admin" })).id);
  await createUser(db, { organisationId: first, name: "Apprenant du premier" });
});

afterAll(async () => {
  await testDb?.close();
});

describe("resolveManagerEstablishment", () => {
  it("asks someone who manages several establishments to choose, rather than giving the first by name", async () => {
    for (const actor of [managerOfBoth, admin]) {
      const resolved = await resolveManagerEstablishment(testDb.db, { actor });
      expect(resolved.status).toBe("choose");
      expect(resolved.all.map((e) => e.id)).toEqual(expect.arrayContaining([first, second]));
    }
  });

  it("acts on the establishment named, else on the current one when the actor manages it", async () => {
    expect(await resolveManagerEstablishment(testDb.db, { actor: managerOfBoth, requestedId: second })).toMatchObject({
      status: "chosen",
      establishment: { id: second },
    });
    expect(await resolveManagerEstablishment(testDb.db, { actor: managerOfBoth, currentId: second })).toMatchObject({
      status: "chosen",
      establishment: { id: second },
    });
    // The URL wins over the current choice; both are checked against what the actor manages.
    expect(
      await resolveManagerEstablishment(testDb.db, { actor: admin, requestedId: first, currentId: second }),
    ).toMatchObject({ status: "chosen", establishment: { id: first } });
  });

  it("never gives a manager of B the establishment where they are only a learner, even when it is their current one", async () => {
    const viaCurrent = await resolveManagerEstablishment(testDb.db, {
      actor: managerOfSecondLearnerOfFirst,
      currentId: learnerPlace,
    });
    expect(viaCurrent).toMatchObject({ status: "chosen", establishment: { id: second } });
    expect(viaCurrent.all.map((e) => e.id)).toEqual([second]);
    await expect(
      resolveManagerEstablishment(testDb.db, { actor: managerOfSecondLearnerOfFirst, requestedId: learnerPlace }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(
      await listManagedEstablishments(testDb.db, {
        actor: managerOfSecondLearnerOfFirst,
        organisationId: learnerPlace,
      }),
    ).toEqual([]);
  });

  it("answers not_found to someone who manages nothing, whatever the cookie names", async () => {
    const learner = await actorOf((await createUser(testDb.db, { organisationId: first })).id);
    await expect(resolveManagerEstablishment(testDb.db, { actor: learner, currentId: first })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("a domain function called without an establishment", () => {
  const unnamed = ["", undefined as unknown as string];
  const attempts: [string, (actor: Actor, organisationId: string) => Promise<unknown>][] = [
    [
      "updateReminderSettings",
      (actor, organisationId) =>
        updateReminderSettings(testDb.db, {
          actor,
          organisationId,
          values: { autoEnabled: false, daysBefore: 3, intervalDays: 5 },
        }),
    ],
    [
      "remindLearners",
      (actor, organisationId) =>
        remindLearners(testDb.db, { actor, organisationId, target: "late", catalogue, asOf: new Date() }),
    ],
    [
      "createAssignment",
      (actor, organisationId) =>
        createAssignment(testDb.db, {
          actor,
          organisationId,
          teamId: null,
          subjectType: "path",
          subjectId: "bonnes-pratiques",
          dueOn: "2032-01-01",
          renewYearly: false,
          catalogue,
        }),
    ],
    [
      "certificatesArchive",
      (actor, organisationId) =>
        certificatesArchive(testDb.db, {
          actor,
          organisationId,
          filters: {},
          baseUrl: "https://vigie.test",
          asOf: new Date(),
        }),
    ],
    [
      "previewRoster",
      (actor, organisationId) =>
        previewRoster(testDb.db, {
          actor,
          organisationId,
          bytes: new TextEncoder().encode("Nom;E-mail\r\nX;x@vigie.test"),
        }),
    ],
    [
      "updateIncidentContact",
      (actor, organisationId) =>
        updateIncidentContact(testDb.db, {
          actor,
          organisationId,
          name: "Usurpateur",
          phone: "04 65 71 99 99",
          email: "u@vigie.test",
        }),
    ],
    ["getSsoSettings", (actor, organisationId) => getSsoSettings(testDb.db, { actor, organisationId })],
  ];

  it.each(attempts)("%s acts on no establishment (not_found), never on the first by name", async (_name, attempt) => {
    for (const actor of [managerOfBoth, admin]) {
      for (const organisationId of unnamed) {
        const [settingsBefore, auditBefore] = [
          await testDb.db.select().from(reminderSettings),
          await testDb.db.select().from(auditLog),
        ];
        await expect(attempt(actor, organisationId)).rejects.toMatchObject({ code: "not_found" });
        expect(await testDb.db.select().from(reminderSettings)).toEqual(settingsBefore);
        expect(await testDb.db.select().from(auditLog)).toEqual(auditBefore);
      }
    }
  });
});
