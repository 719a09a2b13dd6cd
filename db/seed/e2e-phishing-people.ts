import { eq } from "drizzle-orm";
import type { Db } from "../client";
import {
  memberships,
  organisations,
  passwordCredentials,
  phishingExercises,
  phishingRecipients,
  users,
} from "../schema";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "./demo";
import { E2E_MATRIX } from "./e2e-establishments";

/**
 * For the end-to-end tests of individual exercise results: one finished exercise in each of A, B
 * and C (fixed ids, so that specs can name their pages), a person who belongs to both A and B, and
 * who did what. A and B let their managers see individual results; C keeps the default (off).
 */
export const E2E_PHISHING_PEOPLE = {
  shared: { email: "agent-deux-sites@vigie.test", name: "Camille Bernard" },
  a: { exerciseId: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a01" },
  b: { exerciseId: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a02" },
  c: { exerciseId: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a03" },
} as const;

const SENT_AT = new Date("2026-11-03T09:12:00Z");
const CLICKED_AT = new Date("2026-11-03T09:40:00Z");
const REPORTED_AT = new Date("2026-11-03T10:05:00Z");

type Outcome = { clicked?: boolean; reported?: boolean };

/** Run after seedE2eEstablishments; running it again changes nothing. */
export async function seedE2ePhishingPeople(
  db: Db,
  ids: { establishmentA: string; establishmentB: string; establishmentC: string },
): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const { shared } = E2E_PHISHING_PEOPLE;
    await tx
      .insert(users)
      .values({ email: shared.email, name: shared.name, emailVerified: new Date() })
      .onConflictDoNothing({ target: users.email });
    const person = await userId(tx, shared.email);
    await tx.insert(passwordCredentials).values({ userId: person, passwordHash }).onConflictDoNothing();
    for (const organisationId of [ids.establishmentA, ids.establishmentB])
      await tx.insert(memberships).values({ userId: person, organisationId, role: "learner" }).onConflictDoNothing();
    await tx
      .update(organisations)
      .set({ phishingIndividualResults: true })
      .where(eq(organisations.id, ids.establishmentA));
    await tx
      .update(organisations)
      .set({ phishingIndividualResults: true })
      .where(eq(organisations.id, ids.establishmentB));

    const { a, b, c } = E2E_MATRIX;
    await exercise(tx, E2E_PHISHING_PEOPLE.a.exerciseId, ids.establishmentA, [
      [await userId(tx, a.learner.email), { clicked: true }],
      [person, { reported: true }],
    ]);
    await exercise(tx, E2E_PHISHING_PEOPLE.b.exerciseId, ids.establishmentB, [
      [await userId(tx, b.learner.email), {}],
      [person, { clicked: true }],
    ]);
    await exercise(tx, E2E_PHISHING_PEOPLE.c.exerciseId, ids.establishmentC, [
      [await userId(tx, c.learner.email), { clicked: true }],
    ]);
  });
}

async function userId(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`No account ${email}: run the e2e establishments seed first.`);

  return row.id;
}

/** A finished exercise with one delivered message per person and what each one did. */
async function exercise(db: Db, id: string, organisationId: string, people: [string, Outcome][]): Promise<void> {
  const inserted = await db
    .insert(phishingExercises)
    .values({
      id,
      organisationId,
      scenarioId: "colis-pharmacie-pui",
      windowStartsOn: "2026-11-02",
      workingDays: 2,
      state: "done",
      staffInformedAt: new Date("2026-10-28T08:00:00Z"),
      launchedAt: new Date("2026-10-30T08:00:00Z"),
      endedAt: new Date("2026-11-04T16:00:00Z"),
    })
    .onConflictDoNothing()
    .returning({ id: phishingExercises.id });
  if (inserted.length === 0) return;
  await db.insert(phishingRecipients).values(
    people.map(([userId, outcome]) => ({
      exerciseId: id,
      organisationId,
      userId,
      plannedAt: SENT_AT,
      sentAt: SENT_AT,
      deliveredAt: SENT_AT,
      clickedAt: outcome.clicked ? CLICKED_AT : null,
      reportedAt: outcome.reported ? REPORTED_AT : null,
    })),
  );
}
