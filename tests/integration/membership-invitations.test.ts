import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipInvitations, memberships } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { type Actor } from "@/lib/auth/load-actor";
import { signedInActor } from "../support/signed-in-actor";
import { importRoster } from "@/lib/enrolment/import-roster";
import { cancelInvitation } from "@/lib/invitations/cancel-invitation";
import { MEMBERSHIP_INVITATION_MAX_AGE_MS } from "@/lib/invitations/invite-existing-accounts";
import {
  countMyInvitations,
  listEstablishmentInvitations,
  listMyInvitations,
} from "@/lib/invitations/list-invitations";
import { respondToInvitation } from "@/lib/invitations/respond-to-invitation";
import { nameManager } from "@/lib/organisations/name-manager";
import { type TestDb, createTestDb } from "../support/db";

let testDb: TestDb;
let centre: string;
let home: string;
let inviting: string;
let managerOfInviting: Actor;
let managerOfHome: Actor;
let admin: Actor;

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  home = (await createOrganisation(testDb.db, { parentId: centre })).id;
  inviting = (await createOrganisation(testDb.db, { parentId: centre, name: "Clinique des Tilleuls" })).id;
  managerOfInviting = await actorIn(inviting, "manager");
  managerOfHome = await actorIn(home, "manager");
  admin = await actorIn(centre, "admin");
});

afterAll(async () => {
  await testDb?.close();
});

async function actorIn(organisationId: string, role: "learner" | "manager" | "admin", email?: string): Promise<Actor> {
  return (await signedInActor(testDb.db, (await createUser(testDb.db, { organisationId, role, email })).id))!;
}

/** A learner of `home` whom `inviting` imports: their invitation, and the person. */
async function invitedLearner(now = new Date()) {
  const person = await actorIn(home, "learner");
  await importRoster(testDb.db, {
    actor: managerOfInviting,
    organisationId: inviting,
    bytes: new TextEncoder().encode(`Nom;E-mail\nQuelqu'un;${person.email}`),
  });
  const [invitation] = await listMyInvitations(testDb.db, { actor: person, now });

  return { person, invitation: invitation! };
}

const membershipIn = async (userId: string, organisationId: string) =>
  (
    await testDb.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
  )[0];

describe("membership invitations", () => {
  it("lists an invitation for the person and for the inviting establishment's managers, by the address typed", async () => {
    const { person, invitation } = await invitedLearner();

    expect(invitation).toMatchObject({ organisationName: "Clinique des Tilleuls", role: "learner" });
    expect(await countMyInvitations(testDb.db, { userId: person.userId })).toBe(1);
    const listed = await listEstablishmentInvitations(testDb.db, {
      actor: managerOfInviting,
      organisationId: inviting,
    });
    expect(listed.find((row) => row.id === invitation.id)).toMatchObject({
      email: person.email,
      role: "learner",
      isExpired: false,
    });
    await expect(
      listEstablishmentInvitations(testDb.db, { actor: managerOfHome, organisationId: inviting }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("adds nothing when the person declines, and cannot be accepted afterwards", async () => {
    const { person, invitation } = await invitedLearner();

    await respondToInvitation(testDb.db, { actor: person, invitationId: invitation.id, answer: "decline" });

    await expect(
      respondToInvitation(testDb.db, { actor: person, invitationId: invitation.id, answer: "accept" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await membershipIn(person.userId, inviting)).toBeUndefined();
    expect(await countMyInvitations(testDb.db, { userId: person.userId })).toBe(0);
  });

  it("answers not found to anyone but the invited person, and changes nothing", async () => {
    const { person, invitation } = await invitedLearner();

    for (const someoneElse of [managerOfInviting, admin, await actorIn(inviting, "learner")]) {
      await expect(
        respondToInvitation(testDb.db, { actor: someoneElse, invitationId: invitation.id, answer: "accept" }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(
      respondToInvitation(testDb.db, { actor: person, invitationId: "pas-un-id", answer: "accept" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await membershipIn(person.userId, inviting)).toBeUndefined();
    const [row] = await testDb.db
      .select({ status: membershipInvitations.status })
      .from(membershipInvitations)
      .where(eq(membershipInvitations.id, invitation.id));
    expect(row?.status).toBe("pending");
  });

  it("cannot be accepted once expired; importing the address again renews it", async () => {
    const { person, invitation } = await invitedLearner();
    const later = new Date(Date.now() + MEMBERSHIP_INVITATION_MAX_AGE_MS + 60_000);

    await expect(
      respondToInvitation(testDb.db, { actor: person, invitationId: invitation.id, answer: "accept", now: later }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await listMyInvitations(testDb.db, { actor: person, now: later })).toEqual([]);
    expect(await membershipIn(person.userId, inviting)).toBeUndefined();
    const listed = await listEstablishmentInvitations(testDb.db, {
      actor: managerOfInviting,
      organisationId: inviting,
      now: later,
    });
    expect(listed.find((row) => row.id === invitation.id)?.isExpired).toBe(true);
  });

  it("lets the inviting establishment's manager or the centre's admin cancel it, and nobody else", async () => {
    const { person, invitation } = await invitedLearner();

    await expect(
      cancelInvitation(testDb.db, { actor: managerOfHome, invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(cancelInvitation(testDb.db, { actor: person, invitationId: invitation.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await cancelInvitation(testDb.db, { actor: admin, invitationId: invitation.id });

    await expect(
      respondToInvitation(testDb.db, { actor: person, invitationId: invitation.id, answer: "accept" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await membershipIn(person.userId, inviting)).toBeUndefined();
    await expect(
      cancelInvitation(testDb.db, { actor: managerOfInviting, invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("makes the person a learner of the inviting establishment once accepted, keeping their own", async () => {
    const { person, invitation } = await invitedLearner();

    await respondToInvitation(testDb.db, { actor: person, invitationId: invitation.id, answer: "accept" });

    expect(await membershipIn(person.userId, inviting)).toEqual({ role: "learner" });
    expect(await membershipIn(person.userId, home)).toEqual({ role: "learner" });
  });

  it("only invites an existing account named manager, even the centre's own admin, until they accept", async () => {
    const adminOfAnotherCentre = await actorIn((await createOrganisation(testDb.db, { kind: "centre" })).id, "admin");
    const managerElsewhere = await actorIn(home, "manager");

    for (const person of [adminOfAnotherCentre, managerElsewhere]) {
      const result = await nameManager(testDb.db, {
        actor: admin,
        input: { organisationId: inviting, name: "Quelqu'un", email: person.email! },
      });
      expect(result.status).toBe("invited");
      expect(await membershipIn(person.userId, inviting)).toBeUndefined();
    }
    const [invitation] = await listMyInvitations(testDb.db, { actor: managerElsewhere });
    await respondToInvitation(testDb.db, { actor: managerElsewhere, invitationId: invitation!.id, answer: "accept" });
    expect(await membershipIn(managerElsewhere.userId, inviting)).toEqual({ role: "manager" });
    expect(
      (
        await nameManager(testDb.db, {
          actor: admin,
          input: { organisationId: inviting, name: "Quelqu'un", email: managerElsewhere.email! },
        })
      ).status,
    ).toBe("unchanged");
  });
});
