import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, auditLog, memberships, organisations, teams } from "@/db/schema";
import { DEFAULT_ASSIGNMENTS } from "@/lib/assignments/default-assignments";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { type Actor } from "@/lib/auth/load-actor";
import { signedInActor } from "../support/signed-in-actor";
import { createEstablishment } from "@/lib/organisations/create-establishment";
import { listCentreOrganisations } from "@/lib/organisations/list-centre-organisations";
import { createTeam, deleteTeam, listTeams } from "@/lib/organisations/manage-teams";
import { listMyInvitations } from "@/lib/invitations/list-invitations";
import { respondToInvitation } from "@/lib/invitations/respond-to-invitation";
import { nameManager } from "@/lib/organisations/name-manager";
import { type TestDb, createTestDb } from "../support/db";

let testDb: TestDb;
let centre: string;
let otherCentre: string;
let admin: Actor;

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  otherCentre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  admin = (await signedInActor(
    testDb.db,
    (await createUser(testDb.db, { organisationId: centre, role: "admin" })).id,
  ))!;
});

afterAll(async () => {
  await testDb?.close();
});

const actorIn = async (organisationId: string, role: "manager" | "learner" | "admin") =>
  (await signedInActor(testDb.db, (await createUser(testDb.db, { organisationId, role })).id))!;

describe("establishments", () => {
  it("lets a platform admin create a group and an establishment under it, and lists them", async () => {
    const group = await createEstablishment(testDb.db, {
      actor: admin,
      input: { name: "GHT Provence", kind: "group" },
    });
    const ehpad = await createEstablishment(testDb.db, {
      actor: admin,
      input: { name: "EHPAD Les Oliviers", kind: "establishment", parentId: group.id, finess: "130000123" },
    });

    expect(ehpad).toMatchObject({ parentId: group.id, kind: "establishment", finess: "130000123" });
    expect(ehpad.slug).toMatch(/^ehpad-les-oliviers-/);
    const listed = await listCentreOrganisations(testDb.db, admin);
    expect(listed.find((o) => o.id === ehpad.id)).toMatchObject({ parentName: "GHT Provence", members: 0 });
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, ehpad.id));
    expect(entry?.action).toBe("organisation_created");
  });

  it("gives a new establishment the default assignments (the path and the incident module), and a group none", async () => {
    const group = await createEstablishment(testDb.db, { actor: admin, input: { name: "GHT Alpes", kind: "group" } });
    const ime = await createEstablishment(testDb.db, {
      actor: admin,
      input: { name: "IME Les Pins", kind: "establishment", parentId: group.id },
    });

    const rows = await testDb.db.select().from(assignments).where(eq(assignments.organisationId, ime.id));
    expect(rows.map((row) => ({ subjectType: row.subjectType, subjectId: row.subjectId, teamId: row.teamId }))).toEqual(
      expect.arrayContaining(DEFAULT_ASSIGNMENTS.map((subject) => ({ ...subject, teamId: null }))),
    );
    expect(rows).toHaveLength(DEFAULT_ASSIGNMENTS.length);
    expect(rows[0]!.dueOn > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(await testDb.db.select().from(assignments).where(eq(assignments.organisationId, group.id))).toEqual([]);
  });

  it("refuses a parent outside the admin's centre, and anyone but an admin", async () => {
    await expect(
      createEstablishment(testDb.db, {
        actor: admin,
        input: { name: "Ailleurs", kind: "establishment", parentId: otherCentre },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const manager = await actorIn((await createOrganisation(testDb.db, { parentId: centre })).id, "manager");
    await expect(
      createEstablishment(testDb.db, { actor: manager, input: { name: "Intrus", kind: "establishment" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await testDb.db.select().from(organisations).where(eq(organisations.name, "Intrus"))).toEqual([]);
  });

  it("names a manager: a new account at once, an existing learner only once they accept, each change logged", async () => {
    const hospital = await createEstablishment(testDb.db, {
      actor: admin,
      input: { name: "CH de Test", kind: "establishment" },
    });
    const created = await nameManager(testDb.db, {
      actor: admin,
      input: { organisationId: hospital.id, name: "Claire Martin", email: "Claire.Martin@ch-test.fr" },
    });
    const learner = await createUser(testDb.db, { organisationId: hospital.id, role: "learner" });
    const invited = await nameManager(testDb.db, {
      actor: admin,
      input: { organisationId: hospital.id, name: "Ignoré", email: learner.email! },
    });

    expect([created.status, invited.status]).toEqual(["created", "invited"]);
    const roles = async () =>
      testDb.db
        .select({ userId: memberships.userId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.organisationId, hospital.id));
    expect(await roles()).toEqual(
      expect.arrayContaining([
        { userId: created.userId, role: "manager" },
        { userId: learner.id, role: "learner" },
      ]),
    );
    const person = (await signedInActor(testDb.db, learner.id))!;
    const [invitation] = await listMyInvitations(testDb.db, { actor: person });
    expect(invitation).toMatchObject({ role: "manager", organisationName: "CH de Test" });
    await respondToInvitation(testDb.db, { actor: person, invitationId: invitation!.id, answer: "accept" });
    expect(await roles()).toEqual(expect.arrayContaining([{ userId: learner.id, role: "manager" }]));
    const changes = await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, invitation!.id));
    expect(changes[0]).toMatchObject({
      action: "invitation.accepted",
      details: { role: "manager", previousRole: "learner" },
    });
  });

  it("answers not found to a manager trying to name a manager, even in their own establishment", async () => {
    const hospital = (await createOrganisation(testDb.db, { parentId: centre })).id;
    const manager = await actorIn(hospital, "manager");

    await expect(
      nameManager(testDb.db, {
        actor: manager,
        input: { organisationId: hospital, name: "Complice", email: "complice@vigie.test" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("teams", () => {
  it("lets a manager add, list and remove their establishment's teams", async () => {
    const hospital = (await createOrganisation(testDb.db, { parentId: centre })).id;
    const manager = await actorIn(hospital, "manager");

    const team = await createTeam(testDb.db, { actor: manager, organisationId: hospital, name: "Bloc opératoire" });
    await expect(
      createTeam(testDb.db, { actor: manager, organisationId: hospital, name: "Bloc opératoire" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await listTeams(testDb.db, { actor: manager, organisationId: hospital })).map((t) => t.name)).toEqual([
      "Bloc opératoire",
    ]);

    await deleteTeam(testDb.db, { actor: manager, organisationId: hospital, teamId: team.id });
    expect(await testDb.db.select().from(teams).where(eq(teams.organisationId, hospital))).toEqual([]);
  });

  it("answers not found to a manager of another establishment, and changes nothing", async () => {
    const hospitalA = (await createOrganisation(testDb.db, { parentId: centre })).id;
    const hospitalB = (await createOrganisation(testDb.db, { parentId: centre })).id;
    const team = await createTeam(testDb.db, {
      actor: await actorIn(hospitalA, "manager"),
      organisationId: hospitalA,
      name: "Urgences",
    });
    const outsider = await actorIn(hospitalB, "manager");

    await expect(listTeams(testDb.db, { actor: outsider, organisationId: hospitalA })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      createTeam(testDb.db, { actor: outsider, organisationId: hospitalA, name: "Intrus" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      deleteTeam(testDb.db, { actor: outsider, organisationId: hospitalA, teamId: team.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      deleteTeam(testDb.db, { actor: outsider, organisationId: hospitalB, teamId: team.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await testDb.db.select().from(teams).where(eq(teams.organisationId, hospitalA))).toHaveLength(1);
  });
});
