import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignments,
  auditLog,
  certificates,
  enrolmentImports,
  mailOutbox,
  membershipInvitations,
  memberships,
  moduleProgress,
  organisationSso,
  organisations,
  passwordCredentials,
  phishingCampaigns,
  phishingExercises,
  phishingRecipients,
  secondFactorRecoveryCodes,
  teams,
  userSecondFactors,
  userSessions,
  users,
} from "@/db/schema";
import { createOrganisation, createTeam, createUser } from "@/db/seed/factories";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { deleteAssignment } from "@/lib/assignments/delete-assignment";
import { removePersonalAssignment } from "@/lib/assignments/remove-personal-assignment";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { type Actor } from "@/lib/auth/load-actor";
import { signedInActor } from "../support/signed-in-actor";
import { generateCertificateCode } from "@/lib/certificates/generate-code";
import { revokeCertificate } from "@/lib/certificates/revoke-certificate";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { importRoster, previewRoster } from "@/lib/enrolment/import-roster";
import {
  listManagedEstablishments,
  managedEstablishmentIds,
  requireManagedEstablishment,
  resolveManagerEstablishment,
} from "@/lib/access/managed-establishments";
import { updateIncidentContact } from "@/lib/incident/update-incident-contact";
import { createEstablishment } from "@/lib/organisations/create-establishment";
import { listCentreOrganisations } from "@/lib/organisations/list-centre-organisations";
import { endMemberSessions } from "@/lib/auth/end-member-sessions";
import { currentEstablishment, currentEstablishmentValue } from "@/lib/auth/current-establishment";
import { certificatesArchive } from "@/lib/certificates/certificates-archive";
import { cancelInvitation } from "@/lib/invitations/cancel-invitation";
import { listEstablishmentInvitations } from "@/lib/invitations/list-invitations";
import { createPasswordLink } from "@/lib/join/create-password-link";
import { resetMemberSecondFactor } from "@/lib/auth/second-factor/reset-member-second-factor";
import { setManagersNeedSecondFactor } from "@/lib/organisations/set-managers-need-second-factor";
import { createJoinCode, listJoinCodes } from "@/lib/join/manage-join-codes";
import { remindLearners } from "@/lib/reminders/remind-learners";
import { updateReminderSettings } from "@/lib/reminders/reminder-settings";
import { getSsoSettings } from "@/lib/sso/get-sso-settings";
import { linkSsoIdentityToUser } from "@/lib/sso/link-sso-identity-to-user";
import { removeSsoSettings } from "@/lib/sso/remove-sso-settings";
import { saveSsoSettings } from "@/lib/sso/save-sso-settings";
import { testSsoDiscovery } from "@/lib/sso/test-sso-discovery";
import { createTeam as createTeamAs, deleteTeam, listTeams } from "@/lib/organisations/manage-teams";
import { nameManager } from "@/lib/organisations/name-manager";
import { changeMemberRole } from "@/lib/organisations/change-member-role";
import { removeMembership } from "@/lib/organisations/remove-membership";
import { setAccountActive } from "@/lib/organisations/set-account-active";
import { erasePersonalData } from "@/lib/privacy/erase-personal-data";
import { findPerson } from "@/lib/privacy/find-person";
import { getLearnerDetail } from "@/lib/reports/get-learner-detail";
import { learnerFiltersSchema } from "@/lib/reports/learner-filters";
import { learnersCsv } from "@/lib/reports/learners-csv";
import { renamePerson } from "@/lib/people/rename-person";
import { exerciseResultsCsv } from "@/lib/phishing/exercise-results-csv";
import { getExerciseResults } from "@/lib/phishing/get-exercise-results";
import { listExerciseTrend } from "@/lib/phishing/list-exercise-trend";
import { changeCampaignState } from "@/lib/phishing/change-campaign-state";
import { changeExerciseState } from "@/lib/phishing/change-exercise-state";
import { createCampaign } from "@/lib/phishing/create-campaign";
import { getCampaignResults } from "@/lib/phishing/get-campaign-results";
import { launchCampaign } from "@/lib/phishing/launch-campaign";
import { listCampaigns } from "@/lib/phishing/list-campaigns";
import { listLearners } from "@/lib/reports/list-learners";
import { type TestDb, createTestDb } from "../support/db";

/**
 * The role × establishment matrix of every domain function that reads, changes or exports an
 * establishment's data: a manager of B, a learner of A and the admin of another centre each get
 * not_found for anything of A, and a snapshot of every table is the same afterwards.
 */

const catalogue = loadCatalogue();
const asOf = new Date("2026-11-30T10:00:00Z");
let testDb: TestDb;

type World = {
  establishment: string;
  team: string;
  learner: string;
  learnerEmail: string;
  assignment: string;
  certificate: string;
  manager: Actor;
};
let a: World;
let b: World;
let centre: string;
let learnerOfA: Actor;
let adminElsewhere: Actor;
let adminHere: Actor;
let learnerOfAManagerOfB: Actor;
let aInvitation: string;
let aExercise: string;
let campaign: string;
let aCampaignPart: string;
let aPersonalAssignment: string;

async function actorIn(organisationId: string, role: "learner" | "manager" | "admin"): Promise<Actor> {
  return (await signedInActor(testDb.db, (await createUser(testDb.db, { organisationId, role })).id))!;
}

/** An establishment with a manager, a team, a learner with a finished module and its certificate, and an assignment. */
async function establishment(parentId: string, name: string): Promise<World> {
  const { db } = testDb;
  const organisation = await createOrganisation(db, { parentId, name });
  const team = await createTeam(db, { organisationId: organisation.id, name: "Urgences" });
  const learner = await createUser(db, {
    organisationId: organisation.id,
    teamId: team.id,
    name: `Apprenant de ${name}`,
    password: "un mot de passe de test",
  });
  const completedAt = new Date("2026-10-05T09:00:00Z");
  await db.insert(moduleProgress).values({
    userId: learner.id,
    moduleId: "cles-usb",
    organisationId: organisation.id,
    moduleVersion: 1,
    bestScore: 100,
    completedAt,
    completedVersion: 1,
    startedAt: completedAt,
    lastActivityAt: completedAt,
  });
  const [certificate] = await db
    .insert(certificates)
    .values({
      code: generateCertificateCode(),
      userId: learner.id,
      organisationId: organisation.id,
      subjectType: "module",
      subjectId: "cles-usb",
      subjectVersion: 1,
      learnerName: learner.name!,
      subjectTitle: "Clés USB",
      organisationName: name,
      durationMinutes: 7,
      completedAt,
    })
    .returning();
  const [assignment] = await db
    .insert(assignments)
    .values({
      organisationId: organisation.id,
      teamId: team.id,
      subjectType: "path",
      subjectId: "bonnes-pratiques",
      dueOn: "2031-06-30",
    })
    .returning();
  await db
    .update(organisations)
    .set({
      incidentContactName: "Claire Martin",
      incidentContactPhone: "04 65 71 20 26",
      incidentContactEmail: "rssi@ch-a.test",
    })
    .where(eq(organisations.id, organisation.id));

  return {
    establishment: organisation.id,
    team: team.id,
    learner: learner.id,
    learnerEmail: learner.email!,
    assignment: assignment!.id,
    certificate: certificate!.id,
    manager: await actorIn(organisation.id, "manager"),
  };
}

/** Every table a manager's or admin's action could touch, in a stable order. */
async function snapshot() {
  const { db } = testDb;
  const tables = {
    organisations,
    teams,
    memberships,
    users,
    passwordCredentials,
    assignments,
    certificates,
    moduleProgress,
    auditLog,
    enrolmentImports,
    mailOutbox,
    membershipInvitations,
    organisationSso,
    userSecondFactors,
    secondFactorRecoveryCodes,
    userSessions,
    phishingCampaigns,
    phishingExercises,
    phishingRecipients,
  };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const rows = (await db.select().from(table as typeof organisations)) as unknown[];
      return [name, rows.map((row) => JSON.stringify(row)).sort()] as const;
    }),
  );

  return Object.fromEntries(entries);
}

/** A learner of A who also has `role` in B: one account for both. */
async function learnerOfAAlso(role: "learner" | "manager"): Promise<string> {
  const user = await createUser(testDb.db, { organisationId: a.establishment });
  await testDb.db.insert(memberships).values({ userId: user.id, organisationId: b.establishment, role });

  return user.id;
}

const csv = (lines: string[]) => new TextEncoder().encode(lines.join("\r\n"));

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  const otherCentre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  a = await establishment(centre, "Centre hospitalier A");
  b = await establishment(centre, "EHPAD B");
  await establishment(otherCentre, "Clinique d'un autre centre");
  learnerOfA = (await signedInActor(testDb.db, a.learner))!;
  adminElsewhere = await actorIn(otherCentre, "admin");
  adminHere = await actorIn(centre, "admin");
  learnerOfAManagerOfB = (await signedInActor(testDb.db, await learnerOfAAlso("manager")))!;
  // An invitation of A still unanswered, and A's identity provider: objects of the new actions.
  const invited = await createUser(testDb.db, { name: "Personne invitée par A" });
  const [invitation] = await testDb.db
    .insert(membershipInvitations)
    .values({
      organisationId: a.establishment,
      userId: invited.id,
      invitedBy: a.manager.userId,
      expiresAt: new Date("2031-01-01T00:00:00Z"),
    })
    .returning();
  aInvitation = invitation!.id;
  // A phishing exercise of A: its results and their CSV are A's managers' only.
  const [exercise] = await testDb.db
    .insert(phishingExercises)
    .values({
      organisationId: a.establishment,
      scenarioId: "colis-pharmacie-pui",
      windowStartsOn: "2026-11-02",
      workingDays: 2,
    })
    .returning();
  aExercise = exercise!.id;
  // A centre exercise of A and B: the centre's page and actions are its platform admins' only.
  campaign = (
    await createCampaign(testDb.db, {
      actor: adminHere,
      values: {
        organisationIds: [a.establishment, b.establishment],
        scenarioId: "colis-pharmacie-pui",
        windowStartsOn: "2026-12-01",
        workingDays: 2,
        assignModuleOnClick: true,
      },
      scenarioIds: ["colis-pharmacie-pui"],
      now: asOf,
    })
  ).id;
  aCampaignPart = (
    await testDb.db
      .select({ id: phishingExercises.id, organisationId: phishingExercises.organisationId })
      .from(phishingExercises)
      .where(eq(phishingExercises.campaignId, campaign))
  ).find((part) => part.organisationId === a.establishment)!.id;
  // The phishing module a click assigned to A's learner: their own assignment, A's managers' to remove.
  const [personal] = await testDb.db
    .insert(assignments)
    .values({
      organisationId: a.establishment,
      userId: a.learner,
      subjectType: "module",
      subjectId: "hameconnage",
      dueOn: "2027-01-31",
    })
    .returning();
  aPersonalAssignment = personal!.id;
  await testDb.db.insert(organisationSso).values({
    organisationId: a.establishment,
    displayName: "Compte de A",
    issuer: "https://idp.a.test/realms/a",
    clientId: "vigie",
    clientSecretEncrypted: "v1.x.x.x",
  });
  await testDb.db.insert(userSecondFactors).values({ userId: a.manager.userId, secretSealed: "v1.x.x.x" });
  await testDb.db
    .insert(secondFactorRecoveryCodes)
    .values({ userId: a.manager.userId, codeHash: "hash-of-a-recovery-code" });
});

afterAll(async () => {
  await testDb?.close();
});

/** Everything one can ask of establishment A's objects, one line per domain function and way in. */
const attempts: [string, (actor: Actor) => Promise<unknown>][] = [
  [
    "requireManagedEstablishment (every action)",
    (actor) => requireManagedEstablishment(testDb.db, actor, a.establishment),
  ],
  [
    "resolveManagerEstablishment (every manager page and export)",
    (actor) => resolveManagerEstablishment(testDb.db, { actor, requestedId: a.establishment }),
  ],
  ["listTeams", (actor) => listTeams(testDb.db, { actor, organisationId: a.establishment })],
  ["createTeam", (actor) => createTeamAs(testDb.db, { actor, organisationId: a.establishment, name: "Service forgé" })],
  ["deleteTeam of A", (actor) => deleteTeam(testDb.db, { actor, organisationId: a.establishment, teamId: a.team })],
  [
    "deleteTeam of A through B",
    (actor) => deleteTeam(testDb.db, { actor, organisationId: b.establishment, teamId: a.team }),
  ],
  [
    "createAssignment for A",
    (actor) =>
      createAssignment(testDb.db, {
        actor,
        organisationId: a.establishment,
        teamId: null,
        subjectType: "path",
        subjectId: "bonnes-pratiques",
        dueOn: "2032-01-01",
        renewYearly: false,
        catalogue,
      }),
  ],
  [
    "createAssignment for a team of A through B",
    (actor) =>
      createAssignment(testDb.db, {
        actor,
        organisationId: b.establishment,
        teamId: a.team,
        subjectType: "path",
        subjectId: "bonnes-pratiques",
        dueOn: "2032-01-01",
        renewYearly: false,
        catalogue,
      }),
  ],
  ["deleteAssignment", (actor) => deleteAssignment(testDb.db, { actor, assignmentId: a.assignment })],
  [
    "revokeCertificate",
    (actor) => revokeCertificate(testDb.db, { actor, certificateId: a.certificate, reason: "Tentative" }),
  ],
  [
    "setAccountActive (deactivate)",
    (actor) => setAccountActive(testDb.db, { actor, userId: a.learner, isActive: false }),
  ],
  [
    "setAccountActive (deactivate A's manager)",
    (actor) => setAccountActive(testDb.db, { actor, userId: a.manager.userId, isActive: false }),
  ],
  [
    "changeMemberRole (make A's learner a manager)",
    (actor) =>
      changeMemberRole(testDb.db, { actor, organisationId: a.establishment, userId: a.learner, role: "manager" }),
  ],
  [
    "changeMemberRole (withdraw A's manager)",
    (actor) =>
      changeMemberRole(testDb.db, {
        actor,
        organisationId: a.establishment,
        userId: a.manager.userId,
        role: "learner",
      }),
  ],
  [
    "changeMemberRole of A's learner through B",
    (actor) =>
      changeMemberRole(testDb.db, { actor, organisationId: b.establishment, userId: a.learner, role: "manager" }),
  ],
  [
    "removeMembership of A's learner",
    (actor) => removeMembership(testDb.db, { actor, organisationId: a.establishment, userId: a.learner }),
  ],
  [
    "removeMembership of A's manager",
    (actor) => removeMembership(testDb.db, { actor, organisationId: a.establishment, userId: a.manager.userId }),
  ],
  [
    "removeMembership of A's learner through B",
    (actor) => removeMembership(testDb.db, { actor, organisationId: b.establishment, userId: a.learner }),
  ],
  [
    "removeMembership of the centre's admin (admin rights)",
    (actor) => removeMembership(testDb.db, { actor, organisationId: centre, userId: adminHere.userId }),
  ],
  [
    "setAccountActive of the centre's admin",
    (actor) => setAccountActive(testDb.db, { actor, userId: adminHere.userId, isActive: false }),
  ],
  [
    "previewRoster",
    (actor) =>
      previewRoster(testDb.db, {
        actor,
        organisationId: a.establishment,
        bytes: csv(["Nom;E-mail", "Intrus;intrus@vigie.test"]),
      }),
  ],
  [
    "importRoster",
    (actor) =>
      importRoster(testDb.db, {
        actor,
        organisationId: a.establishment,
        bytes: csv(["Nom;E-mail", "Intrus;intrus@vigie.test"]),
      }),
  ],
  [
    "updateIncidentContact",
    (actor) =>
      updateIncidentContact(testDb.db, {
        actor,
        organisationId: a.establishment,
        name: "Usurpateur",
        phone: "04 65 71 99 99",
        email: "usurpateur@vigie.test",
      }),
  ],
  [
    "nameManager",
    (actor) =>
      nameManager(testDb.db, {
        actor,
        input: { organisationId: a.establishment, name: "Complice", email: "complice@vigie.test" },
      }),
  ],
  ["erasePersonalData", (actor) => erasePersonalData(testDb.db, { actor, userId: a.learner })],
  // Invitations (issue 14): A's list, and withdrawing A's invitation.
  [
    "listEstablishmentInvitations",
    (actor) => listEstablishmentInvitations(testDb.db, { actor, organisationId: a.establishment }),
  ],
  ["cancelInvitation", (actor) => cancelInvitation(testDb.db, { actor, invitationId: aInvitation })],
  // SSO settings: reading, changing, removing and testing A's provider.
  ["getSsoSettings", (actor) => getSsoSettings(testDb.db, { actor, organisationId: a.establishment })],
  [
    "saveSsoSettings",
    (actor) =>
      saveSsoSettings(testDb.db, {
        actor,
        organisationId: a.establishment,
        input: {
          displayName: "Fournisseur forgé",
          issuer: "https://idp.forge.test",
          clientId: "x",
          clientSecret: "y",
          accountCreation: "none",
        },
      }),
  ],
  ["removeSsoSettings", (actor) => removeSsoSettings(testDb.db, { actor, organisationId: a.establishment })],
  ["testSsoDiscovery", (actor) => testSsoDiscovery(testDb.db, { actor, organisationId: a.establishment })],
  // Sessions, password links, join codes, reminders and the certificates' ZIP of A.
  [
    "endMemberSessions",
    (actor) => endMemberSessions(testDb.db, { actor, userId: a.learner, organisationId: a.establishment }),
  ],
  [
    "createPasswordLink",
    (actor) =>
      createPasswordLink(testDb.db, {
        actor,
        organisationId: a.establishment,
        userId: a.learner,
        baseUrl: "https://vigie.test",
      }),
  ],
  ["listJoinCodes", (actor) => listJoinCodes(testDb.db, { actor, organisationId: a.establishment })],
  ["createJoinCode", (actor) => createJoinCode(testDb.db, { actor, organisationId: a.establishment })],
  [
    "updateReminderSettings",
    (actor) =>
      updateReminderSettings(testDb.db, {
        actor,
        organisationId: a.establishment,
        values: { autoEnabled: false, daysBefore: 3, intervalDays: 5 },
      }),
  ],
  [
    "remindLearners",
    (actor) => remindLearners(testDb.db, { actor, organisationId: a.establishment, target: "late", catalogue, asOf }),
  ],
  [
    "certificatesArchive",
    (actor) =>
      certificatesArchive(testDb.db, {
        actor,
        organisationId: a.establishment,
        filters: {},
        baseUrl: "https://vigie.test",
        asOf,
      }),
  ],
  // The second factor: resetting a person's of A (A's manager has one), and A's requirement.
  [
    "resetMemberSecondFactor of A's manager",
    (actor) => resetMemberSecondFactor(testDb.db, { actor, userId: a.manager.userId }),
  ],
  [
    "resetMemberSecondFactor of A's learner",
    (actor) => resetMemberSecondFactor(testDb.db, { actor, userId: a.learner }),
  ],
  [
    "setManagersNeedSecondFactor for A",
    (actor) => setManagersNeedSecondFactor(testDb.db, { actor, organisationId: a.establishment, required: false }),
  ],
  // Correcting a name (issue 17): A's manager, an account of A only, through A or through B.
  [
    "renamePerson of A's manager",
    (actor) =>
      renamePerson(testDb.db, { actor, userId: a.manager.userId, organisationId: a.establishment, name: "Nom forgé" }),
  ],
  [
    "renamePerson of A's manager through B",
    (actor) =>
      renamePerson(testDb.db, { actor, userId: a.manager.userId, organisationId: b.establishment, name: "Nom forgé" }),
  ],
  // Phishing exercises' results (issue 20): the page, its CSV and the trend, of A and through B.
  [
    "getExerciseResults",
    (actor) => getExerciseResults(testDb.db, { actor, organisationId: a.establishment, exerciseId: aExercise }),
  ],
  [
    "getExerciseResults of A's exercise through B",
    (actor) => getExerciseResults(testDb.db, { actor, organisationId: b.establishment, exerciseId: aExercise }),
  ],
  [
    "exerciseResultsCsv",
    (actor) => exerciseResultsCsv(testDb.db, { actor, organisationId: a.establishment, exerciseId: aExercise }),
  ],
  [
    "exerciseResultsCsv of A's exercise through B",
    (actor) => exerciseResultsCsv(testDb.db, { actor, organisationId: b.establishment, exerciseId: aExercise }),
  ],
  ["listExerciseTrend", (actor) => listExerciseTrend(testDb.db, { actor, organisationId: a.establishment })],
  // Centre exercises (issue 20): the centre's page, list and actions, and A's part from B.
  ["getCampaignResults", (actor) => getCampaignResults(testDb.db, { actor, campaignId: campaign })],
  [
    "launchCampaign",
    (actor) => launchCampaign(testDb.db, { actor, campaignId: campaign, staffInformed: true, now: asOf }),
  ],
  [
    "changeCampaignState",
    (actor) => changeCampaignState(testDb.db, { actor, campaignId: campaign, change: "cancel", now: asOf }),
  ],
  [
    "createCampaign for A",
    (actor) =>
      createCampaign(testDb.db, {
        actor,
        values: {
          organisationIds: [a.establishment],
          scenarioId: "colis-pharmacie-pui",
          windowStartsOn: "2026-12-01",
          workingDays: 2,
          assignModuleOnClick: true,
        },
        scenarioIds: ["colis-pharmacie-pui"],
        now: asOf,
      }),
  ],
  [
    "changeExerciseState of A's part of a centre exercise",
    (actor) =>
      changeExerciseState(testDb.db, {
        actor,
        organisationId: a.establishment,
        exerciseId: aCampaignPart,
        change: "cancel",
        now: asOf,
      }),
  ],
  [
    "changeExerciseState of A's part of a centre exercise through B",
    (actor) =>
      changeExerciseState(testDb.db, {
        actor,
        organisationId: b.establishment,
        exerciseId: aCampaignPart,
        change: "cancel",
        now: asOf,
      }),
  ],
  // The module a click assigned to one person of A: removed by A's managers only.
  [
    "removePersonalAssignment of A",
    (actor) =>
      removePersonalAssignment(testDb.db, {
        actor,
        organisationId: a.establishment,
        assignmentId: aPersonalAssignment,
      }),
  ],
  [
    "removePersonalAssignment of A's through B",
    (actor) =>
      removePersonalAssignment(testDb.db, {
        actor,
        organisationId: b.establishment,
        assignmentId: aPersonalAssignment,
      }),
  ],
  [
    "deleteAssignment of A's personal assignment",
    (actor) => deleteAssignment(testDb.db, { actor, assignmentId: aPersonalAssignment }),
  ],
];

describe("the role × establishment matrix", () => {
  const outsiders: [string, () => Actor][] = [
    ["a manager of B", () => b.manager],
    ["a learner of A", () => learnerOfA],
    ["the admin of another centre", () => adminElsewhere],
    // One account in both establishments: B's role gives nothing over A's objects.
    ["a learner of A who manages B", () => learnerOfAManagerOfB],
  ];

  describe.each(outsiders)("%s", (_who, outsider) => {
    it.each(attempts)("gets not_found from %s, and nothing changes", async (_name, attempt) => {
      const before = await snapshot();

      await expect(attempt(outsider())).rejects.toMatchObject({ code: "not_found" });
      expect(await snapshot()).toEqual(before);
    });

    it("sees none of A's establishments, certificates or organisations", async () => {
      expect(
        await listManagedEstablishments(testDb.db, { actor: outsider(), organisationId: a.establishment }),
      ).toEqual([]);
      expect(await managedEstablishmentIds(testDb.db, outsider())).not.toContain(a.establishment);
    });

    it("cannot make A its current establishment with a forged cookie, nor link an identity through A's provider", async () => {
      const actor = outsider();
      // A learner of A may work in A and link A's provider: the matrix above shows it gives them nothing of A's management.
      if (actor.memberships.some((m) => m.organisationId === a.establishment)) return;
      const current = currentEstablishment(actor, currentEstablishmentValue(actor.userId, a.establishment));
      expect(current.status === "chosen" && current.membership.organisationId === a.establishment).toBe(false);
      const identity = {
        issuer: "https://idp.a.test/realms/a",
        subject: `forge-${actor.userId}`,
        email: null,
        emailVerified: false,
        name: "Forgé",
        structureIds: [],
      };
      expect(
        await linkSsoIdentityToUser(testDb.db, { organisationId: a.establishment, userId: actor.userId, identity }),
      ).toEqual({ ok: false, reason: "not_member" });
    });
  });

  it("lists a centre exercise to its centre's admins only: not_found for managers, nothing for another centre's admin", async () => {
    for (const actor of [a.manager, b.manager, learnerOfA, learnerOfAManagerOfB])
      await expect(listCampaigns(testDb.db, actor)).rejects.toMatchObject({ code: "not_found" });
    expect(await listCampaigns(testDb.db, adminElsewhere)).toEqual([]);
    expect((await listCampaigns(testDb.db, adminHere)).map((listed) => listed.id)).toEqual([campaign]);
  });

  it("gives a manager of B not_found for the centre's pages and the audit log", async () => {
    await expect(listCentreOrganisations(testDb.db, b.manager)).rejects.toMatchObject({ code: "not_found" });
    await expect(listAuditEntries(testDb.db, b.manager)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createEstablishment(testDb.db, {
        actor: b.manager,
        input: { name: "Établissement forgé", kind: "establishment" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("gives the admin of another centre none of A's organisations or people, and the centre's admin both", async () => {
    expect((await listCentreOrganisations(testDb.db, adminElsewhere)).map((o) => o.id)).not.toContain(a.establishment);
    expect(await findPerson(testDb.db, adminElsewhere, a.learnerEmail)).toBeNull();
    expect((await listCentreOrganisations(testDb.db, adminHere)).map((o) => o.id)).toEqual(
      expect.arrayContaining([a.establishment, b.establishment]),
    );
    expect((await findPerson(testDb.db, adminHere, a.learnerEmail))?.id).toBe(a.learner);
  });

  it("gives B's learner detail not_found for a learner of A", async () => {
    await expect(
      getLearnerDetail(testDb.db, { organisationId: b.establishment, userId: a.learner, catalogue, asOf }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows A's manager nothing of what a person who also works in B did in B", async () => {
    const shared = await createUser(testDb.db, { organisationId: b.establishment, name: "Personne partagée" });
    await testDb.db.insert(memberships).values({ userId: shared.id, organisationId: a.establishment, role: "learner" });
    const at = new Date("2026-10-06T09:00:00Z");
    await testDb.db.insert(moduleProgress).values({
      userId: shared.id,
      moduleId: "hameconnage",
      organisationId: b.establishment,
      moduleVersion: 1,
      bestScore: 40,
      timeSpentSeconds: 1200,
      completedAt: at,
      completedVersion: 1,
      startedAt: at,
      lastActivityAt: at,
    });
    const filters = learnerFiltersSchema.parse({ q: "Personne partagée" });

    const detail = await getLearnerDetail(testDb.db, {
      organisationId: a.establishment,
      userId: shared.id,
      catalogue,
      asOf,
    });
    expect(detail.modules).toEqual([]);
    const [row] = (await listLearners(testDb.db, { organisationId: a.establishment, catalogue, asOf, filters })).rows;
    expect(row).toMatchObject({ userId: shared.id, timeSpentSeconds: 0, lastActivityAt: null });
    let text = "";
    for await (const chunk of learnersCsv(testDb.db, { organisationId: a.establishment, catalogue, asOf, filters }))
      text += chunk;
    expect(text).toContain("Personne partagée;");
    expect(text).not.toContain("06/10/2026");
    expect(
      (await getLearnerDetail(testDb.db, { organisationId: b.establishment, userId: shared.id, catalogue, asOf }))
        .modules,
    ).toHaveLength(1);
  });

  it("exports and lists none of A's learners when B's list is filtered by A's team or assignment", async () => {
    for (const query of [
      { equipe: a.team },
      { affectation: a.assignment },
      { q: "Apprenant de Centre hospitalier A" },
    ]) {
      const filters = learnerFiltersSchema.parse(query);
      const list = await listLearners(testDb.db, { organisationId: b.establishment, catalogue, asOf, filters });
      expect(list.rows.map((row) => row.userId)).not.toContain(a.learner);
      let text = "";
      for await (const chunk of learnersCsv(testDb.db, { organisationId: b.establishment, catalogue, asOf, filters }))
        text += chunk;
      expect(text).not.toContain(a.learnerEmail);
    }
  });

  it("lets A's own manager and the centre's admin do the same (the refusals are about who asks)", async () => {
    for (const actor of [a.manager, adminHere]) {
      expect((await requireManagedEstablishment(testDb.db, actor, a.establishment)).id).toBe(a.establishment);
      expect((await listTeams(testDb.db, { actor, organisationId: a.establishment })).map((t) => t.id)).toContain(
        a.team,
      );
      expect(await managedEstablishmentIds(testDb.db, actor)).toContain(a.establishment);
    }
    const revoked = await revokeCertificate(testDb.db, {
      actor: adminHere,
      certificateId: b.certificate,
      reason: "Délivré par erreur",
    });
    expect(revoked.revokedBy).toBe(adminHere.userId);
  });
});

describe("forged values in forms", () => {
  it("names a manager, never an admin, whatever role the form carries", async () => {
    const input = {
      organisationId: a.establishment,
      name: "Nadia Haddad",
      email: "nadia.haddad@vigie.test",
      role: "admin",
    } as Parameters<typeof nameManager>[1]["input"];
    const { userId } = await nameManager(testDb.db, { actor: adminHere, input });

    const rows = await testDb.db
      .select({ role: memberships.role, organisationId: memberships.organisationId })
      .from(memberships)
      .where(eq(memberships.userId, userId));
    expect(rows).toEqual([{ role: "manager", organisationId: a.establishment }]);
  });

  it.each([
    ["the centre itself", () => centre],
    [
      "an establishment of another centre",
      async () =>
        (await testDb.db.select({ id: organisations.id }).from(organisations))
          .map((o) => o.id)
          .find((id) => ![a.establishment, b.establishment, centre].includes(id))!,
    ],
    ["something that is not an id", () => "'; drop table users; --"],
  ])("refuses to name a manager of %s, and changes nothing", async (_what, target) => {
    const organisationId = await target();
    const before = await snapshot();

    await expect(
      nameManager(testDb.db, {
        actor: adminHere,
        input: { organisationId, name: "Complice", email: "complice@vigie.test" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an establishment whose parent is an establishment, or outside the admin's centre", async () => {
    const before = await snapshot();

    await expect(
      createEstablishment(testDb.db, {
        actor: adminHere,
        input: { name: "Sous-établissement", kind: "establishment", parentId: a.establishment },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createEstablishment(testDb.db, {
        actor: adminElsewhere,
        input: { name: "Annexe", kind: "establishment", parentId: centre },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createEstablishment(testDb.db, { actor: adminHere, input: { name: "Faux centre", kind: "centre" as "group" } }),
    ).rejects.toThrow("Choisissez établissement ou groupe.");
    expect(await snapshot()).toEqual(before);
  });

  it("imports nothing into A with a service of B, and says which row", async () => {
    const bytes = csv([
      "Nom;E-mail;Service",
      "Jeanne Roux;jeanne.roux@vigie.test;Urgences",
      "Paul Vidal;paul.vidal@vigie.test;Service de B",
    ]);
    await testDb.db.insert(teams).values({ organisationId: b.establishment, name: "Service de B" });
    const before = await snapshot();

    const preview = await previewRoster(testDb.db, { actor: a.manager, organisationId: a.establishment, bytes });
    expect(preview.rows[1]).toMatchObject({
      status: "error",
      errors: ["Service inconnu : « Service de B » (créez-le d'abord dans « Services et unités »)."],
    });
    await expect(
      importRoster(testDb.db, { actor: a.manager, organisationId: a.establishment, bytes }),
    ).rejects.toMatchObject({ code: "bad_request" });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["a malformed learner id", "not_found", () => "pas-un-uuid"],
    ["the platform admin", "not_found", () => adminHere.userId],
    ["the manager themselves", "not_found", () => a.manager.userId],
    ["a learner of A who also manages B", "conflict", () => learnerOfAAlso("manager")],
    ["a learner of A who is also a learner of B", "conflict", () => learnerOfAAlso("learner")],
  ])("refuses to deactivate %s (%s), and changes nothing", async (_who, code, target) => {
    const userId = await target();
    const before = await snapshot();

    await expect(setAccountActive(testDb.db, { actor: a.manager, userId, isActive: false })).rejects.toMatchObject({
      code,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("lets the centre's admin deactivate a learner of both A and B", async () => {
    const userId = await learnerOfAAlso("learner");

    expect(await setAccountActive(testDb.db, { actor: adminHere, userId, isActive: false })).toMatchObject({
      isActive: false,
    });
  });

  it("answers not_found to malformed certificate, assignment and team ids rather than a database error", async () => {
    const before = await snapshot();

    await expect(
      revokeCertificate(testDb.db, { actor: a.manager, certificateId: "1 or 1=1", reason: "Tentative" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteAssignment(testDb.db, { actor: a.manager, assignmentId: "1 or 1=1" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      deleteTeam(testDb.db, { actor: a.manager, organisationId: a.establishment, teamId: "1 or 1=1" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createAssignment(testDb.db, {
        actor: a.manager,
        organisationId: a.establishment,
        teamId: "1 or 1=1",
        subjectType: "path",
        subjectId: "bonnes-pratiques",
        dueOn: "2032-01-01",
        renewYearly: false,
        catalogue,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("withdrawing access, for those who may", () => {
  it("lets A's manager and the centre's admin change a role of A and back, audited each time", async () => {
    for (const actor of [a.manager, adminHere]) {
      const learner = await createUser(testDb.db, { organisationId: a.establishment });
      await changeMemberRole(testDb.db, {
        actor,
        organisationId: a.establishment,
        userId: learner.id,
        role: "manager",
      });
      expect((await signedInActor(testDb.db, learner.id))?.memberships).toMatchObject([
        { organisationId: a.establishment, role: "manager" },
      ]);
      await changeMemberRole(testDb.db, {
        actor,
        organisationId: a.establishment,
        userId: learner.id,
        role: "learner",
      });
      expect((await signedInActor(testDb.db, learner.id))?.memberships).toMatchObject([
        { organisationId: a.establishment, role: "learner" },
      ]);
      const audit = await testDb.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.targetId, learner.id));
      expect(audit).toEqual([{ action: "member.role_changed" }, { action: "member.role_changed" }]);
    }
  });

  it("lets A's manager act on a person of A and B only in A: remove from A, never deactivate nor touch B", async () => {
    const shared = await learnerOfAAlso("manager");
    const before = await snapshot();

    await expect(
      setAccountActive(testDb.db, { actor: a.manager, userId: shared, isActive: false }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      changeMemberRole(testDb.db, {
        actor: a.manager,
        organisationId: b.establishment,
        userId: shared,
        role: "learner",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      removeMembership(testDb.db, { actor: a.manager, organisationId: b.establishment, userId: shared }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);

    await removeMembership(testDb.db, { actor: a.manager, organisationId: a.establishment, userId: shared });
    expect((await signedInActor(testDb.db, shared))?.memberships).toMatchObject([
      { organisationId: b.establishment, role: "manager" },
    ]);
  });

  it("lets the manager of A and the manager of B each correct the name of a person of both, never the admin of another centre", async () => {
    const shared = await learnerOfAAlso("learner");
    await renamePerson(testDb.db, {
      actor: a.manager,
      userId: shared,
      organisationId: a.establishment,
      name: "Nom corrigé par A",
    });
    await renamePerson(testDb.db, {
      actor: b.manager,
      userId: shared,
      organisationId: b.establishment,
      name: "Nom corrigé par B",
    });
    const before = await snapshot();

    await expect(
      renamePerson(testDb.db, {
        actor: adminElsewhere,
        userId: shared,
        organisationId: a.establishment,
        name: "Nom forgé",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);
    expect((await signedInActor(testDb.db, shared))?.name).toBe("Nom corrigé par B");
  });

  it("lets the centre's admin deactivate a person of A and B, and withdraw B's manager role", async () => {
    const shared = await learnerOfAAlso("manager");

    await changeMemberRole(testDb.db, {
      actor: adminHere,
      organisationId: b.establishment,
      userId: shared,
      role: "learner",
    });
    await setAccountActive(testDb.db, { actor: adminHere, userId: shared, isActive: false });

    expect(await signedInActor(testDb.db, shared)).toBeNull();
  });

  it("gives the admin of another centre none of the centre's people, admins included", async () => {
    const before = await snapshot();

    await expect(
      removeMembership(testDb.db, { actor: adminElsewhere, organisationId: centre, userId: adminHere.userId }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      setAccountActive(testDb.db, { actor: adminElsewhere, userId: b.learner, isActive: false }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });
});
