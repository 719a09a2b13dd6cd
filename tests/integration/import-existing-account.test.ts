import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, learningEvents, memberships, organisations } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { currentEstablishment } from "@/lib/auth/current-establishment";
import { type Actor, loadActor } from "@/lib/auth/load-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { importRoster, previewRoster } from "@/lib/enrolment/import-roster";
import { listMyInvitations } from "@/lib/invitations/list-invitations";
import { respondToInvitation } from "@/lib/invitations/respond-to-invitation";
import { getIncidentContact } from "@/lib/incident/get-incident-contact";
import { getModuleProgress } from "@/lib/progress/queries";
import { recordSessionEvents } from "@/lib/progress/record-events";
import { sessionWindow } from "@/lib/auth/session-policy";
import { startSession } from "@/lib/auth/start-session";
import { learnerFiltersSchema } from "@/lib/reports/learner-filters";
import { listLearners } from "@/lib/reports/list-learners";
import { stepViewed } from "../support/events";
import { type TestDb, createTestDb } from "../support/db";

// Issue 14, scenario 2: the manager of B imports the e-mail of a learner of A. Until that person
// accepts, nothing about them changes and B learns nothing but "an account exists".
const catalogue = loadCatalogue("tests/fixtures/courses");
const STORED_NAME = "Françoise Lefèvre-Nguyễn";
let testDb: TestDb;
let home: string;
let importer: string;
// A live session of the person, as the events API has it.
const signedIn = async (userId: string) => ({
  id: (await startSession(testDb.db, { userId, method: "password" })).id,
  ...sessionWindow(),
});
let personId: string;
let managerOfB: Actor;
let preview: Awaited<ReturnType<typeof previewRoster>>;

const csv = (lines: string[]) => new TextEncoder().encode(lines.join("\r\n"));
const file = csv(["Nom;E-mail", "X Inconnu;francoise@ch-a.fr"]);

beforeAll(async () => {
  testDb = await createTestDb();
  // B sorts before A by name: under name order, B would become the person's establishment.
  home = (await createOrganisation(testDb.db, { name: "Zénith, centre hospitalier" })).id;
  importer = (await createOrganisation(testDb.db, { name: "Alpha, EHPAD" })).id;
  const contact = (name: string, phone: string) => ({
    incidentContactName: name,
    incidentContactPhone: phone,
    incidentContactEmail: `${phone}@x.fr`,
    incidentContactUpdatedAt: new Date(),
  });
  await testDb.db.update(organisations).set(contact("RSSI de A", "0102030405")).where(eq(organisations.id, home));
  await testDb.db.update(organisations).set(contact("Mallory", "0666666666")).where(eq(organisations.id, importer));
  await testDb.db
    .insert(assignments)
    .values({ organisationId: importer, subjectType: "module", subjectId: "demo-module", dueOn: "2026-01-01" });
  personId = (await createUser(testDb.db, { organisationId: home, name: STORED_NAME, email: "francoise@ch-a.fr" })).id;
  managerOfB = (await loadActor(
    testDb.db,
    (await createUser(testDb.db, { organisationId: importer, role: "manager" })).id,
  ))!;

  preview = await previewRoster(testDb.db, { actor: managerOfB, organisationId: importer, bytes: file });
  await importRoster(testDb.db, { actor: managerOfB, organisationId: importer, bytes: file });
});

afterAll(async () => {
  await testDb?.close();
});

describe("importing the e-mail of another establishment's learner", () => {
  it("says only that an invitation will be sent, never the stored name", async () => {
    expect(preview.rows.map((row) => row.status)).toEqual(["invited"]);
    expect(JSON.stringify(preview)).not.toContain(STORED_NAME);
    const { rows } = await listLearners(testDb.db, {
      organisationId: importer,
      catalogue,
      asOf: new Date(),
      filters: learnerFiltersSchema.parse({}),
    });
    expect(JSON.stringify(rows)).not.toContain(STORED_NAME);
  });

  it("adds no membership until the person accepts", async () => {
    const rows = await testDb.db
      .select({ organisationId: memberships.organisationId })
      .from(memberships)
      .where(eq(memberships.userId, personId));

    expect(rows).toEqual([{ organisationId: home }]);
  });

  it("keeps crediting the person's progress to their own establishment", async () => {
    const at = new Date(Date.now() - 60_000);
    await recordSessionEvents(testDb.db, {
      userId: personId,
      session: await signedIn(personId),
      events: [stepViewed({ learnerId: personId, at }, "lecon")],
      catalogue,
    });

    expect((await getModuleProgress(testDb.db, personId, "demo-module"))?.organisationId).toBe(home);
  });

  it("keeps their own establishment's incident contact and assignments", async () => {
    const current = currentEstablishment((await loadActor(testDb.db, personId))!, null);
    if (current.status !== "chosen") throw new Error(`expected the person's only establishment, got ${current.status}`);

    expect(current.membership.organisationId).toBe(home);
    expect((await getIncidentContact(testDb.db, current.membership.organisationId))?.name).toBe("RSSI de A");
  });

  it("attaches the person once they accept, and asks them which establishment to work in", async () => {
    const [invitation] = await listMyInvitations(testDb.db, { actor: (await loadActor(testDb.db, personId))! });
    expect(invitation).toMatchObject({ organisationName: "Alpha, EHPAD", role: "learner" });

    await respondToInvitation(testDb.db, {
      actor: (await loadActor(testDb.db, personId))!,
      invitationId: invitation!.id,
      answer: "accept",
    });

    const person = (await loadActor(testDb.db, personId))!;
    expect(person.memberships.map((m) => m.organisationId).sort()).toEqual([home, importer].sort());
    expect(currentEstablishment(person, null).status).toBe("choose");
    const record = async (chosenOrganisationId: string | null) =>
      recordSessionEvents(testDb.db, {
        userId: personId,
        session: await signedIn(personId),
        chosenOrganisationId,
        events: [stepViewed({ learnerId: personId, at: new Date(Date.now() - 30_000) }, "situation")],
        catalogue,
      });
    expect(await record(null)).toBeNull();
    const [recorded] = (await record(importer))!.outcomes;
    const [event] = await testDb.db
      .select({ organisationId: learningEvents.organisationId })
      .from(learningEvents)
      .where(eq(learningEvents.eventId, recorded!.eventId));
    expect(event?.organisationId).toBe(importer);
    // The module begun under A stays A's: its managers keep seeing that progress.
    expect((await getModuleProgress(testDb.db, personId, "demo-module"))?.organisationId).toBe(home);
  });
});
