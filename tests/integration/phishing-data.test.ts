import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phishingCampaigns, phishingExercises, phishingRecipients } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { erasePersonalData } from "@/lib/privacy/erase-personal-data";
import { exportPersonalData } from "@/lib/privacy/export-personal-data";
import { hashRecipientToken, newRecipientToken } from "@/lib/phishing/recipient-token";
import { purgeExpiredData } from "@/lib/retention/purge-expired-data";
import { signedInActor } from "../support/signed-in-actor";
import { type TestDb, createTestDb } from "../support/db";

// What a phishing exercise stores about a person is theirs to read, goes when they are erased,
// and goes for everyone PHISHING_RETENTION_MONTHS after the exercise ended.
let testDb: TestDb;
let centre: string;
let hospital: string;

beforeAll(async () => {
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  hospital = (await createOrganisation(testDb.db, { parentId: centre })).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function exercise(values: Partial<typeof phishingExercises.$inferInsert> = {}) {
  const [row] = await testDb.db
    .insert(phishingExercises)
    .values({
      organisationId: hospital,
      scenarioId: "colis-pharmacie-pui",
      windowStartsOn: "2026-11-02",
      workingDays: 3,
      ...values,
    })
    .returning();

  return row!;
}

async function recipient(
  exerciseId: string,
  userId: string,
  values: Partial<typeof phishingRecipients.$inferInsert> = {},
) {
  const token = newRecipientToken();
  const [row] = await testDb.db
    .insert(phishingRecipients)
    .values({
      exerciseId,
      organisationId: hospital,
      userId,
      plannedAt: new Date("2026-11-02T09:30:00Z"),
      tokenHash: hashRecipientToken(token),
      ...values,
    })
    .returning();

  return row!;
}

describe("phishing exercises and the person's rights", () => {
  it("exports the person's messages and results, never the token's hash", async () => {
    const user = await createUser(testDb.db, { organisationId: hospital });
    const informed = { staffInformedAt: new Date("2026-10-30T10:00:00Z"), state: "running" as const };
    const row = await recipient((await exercise(informed)).id, user.id, {
      sentAt: new Date("2026-11-02T09:30:00Z"),
      automaticOpens: 2,
      clickedAt: new Date("2026-11-02T10:00:00Z"),
    });

    const data = await exportPersonalData(testDb.db, user.id);

    expect(data.phishingExercises).toEqual([
      expect.objectContaining({ scenarioId: "colis-pharmacie-pui", automaticOpens: 2, clickedAt: row.clickedAt }),
    ]);
    expect(JSON.stringify(data)).not.toContain(row.tokenHash!);
  });

  it("erases the person's results with the rest of their data", async () => {
    const user = await createUser(testDb.db, { organisationId: hospital });
    const admin = (await signedInActor(
      testDb.db,
      (await createUser(testDb.db, { organisationId: centre, role: "admin" })).id,
    ))!;
    await recipient((await exercise()).id, user.id, { clickedAt: new Date() });

    await erasePersonalData(testDb.db, { actor: admin, userId: user.id });

    expect(await testDb.db.select().from(phishingRecipients).where(eq(phishingRecipients.userId, user.id))).toEqual([]);
  });
});

describe("the purge of phishing exercises", () => {
  it("deletes exercises that ended more than the retention period ago, with their results, and keeps the others", async () => {
    const now = new Date("2027-12-15T12:00:00Z");
    const user = await createUser(testDb.db, { organisationId: hospital });
    const informedAt = new Date("2026-10-01T10:00:00Z");
    const old = await exercise({
      state: "done",
      staffInformedAt: informedAt,
      endedAt: new Date("2026-12-01T00:00:00Z"),
    });
    const recent = await exercise({
      state: "done",
      staffInformedAt: informedAt,
      endedAt: new Date("2027-01-01T00:00:00Z"),
    });
    const running = await exercise({
      state: "running",
      staffInformedAt: informedAt,
      launchedAt: new Date("2026-10-01T00:00:00Z"),
    });
    await recipient(old.id, user.id);
    await recipient(recent.id, user.id);

    const counts = await purgeExpiredData(testDb.db, { now, phishingMonths: 12 });

    const left = await testDb.db.select({ id: phishingExercises.id }).from(phishingExercises);
    expect(counts.phishingExercises).toBeGreaterThanOrEqual(1);
    expect(left.map((e) => e.id)).toEqual(expect.arrayContaining([recent.id, running.id]));
    expect(left.map((e) => e.id)).not.toContain(old.id);
    expect(await testDb.db.select().from(phishingRecipients).where(eq(phishingRecipients.exerciseId, old.id))).toEqual(
      [],
    );
  });

  it("deletes a centre exercise's row with its last part, in the same purge, and keeps it while a part is left", async () => {
    const clinic = (await createOrganisation(testDb.db, { parentId: centre })).id;
    const [campaign] = await testDb.db.insert(phishingCampaigns).values({ organisationId: centre }).returning();
    const informedAt = new Date("2026-10-01T10:00:00Z");
    const part = (organisationId: string, endedAt: string) =>
      exercise({
        organisationId,
        campaignId: campaign!.id,
        state: "done",
        staffInformedAt: informedAt,
        endedAt: new Date(endedAt),
      });
    await part(hospital, "2026-12-01T00:00:00Z");
    // The clinic's part ended a month later: it is kept a month longer.
    const later = await part(clinic, "2027-01-01T00:00:00Z");
    const campaignRow = () => testDb.db.select().from(phishingCampaigns).where(eq(phishingCampaigns.id, campaign!.id));

    const first = await purgeExpiredData(testDb.db, { now: new Date("2027-12-15T12:00:00Z"), phishingMonths: 12 });

    expect(await campaignRow()).toHaveLength(1);
    expect(
      await testDb.db.select().from(phishingExercises).where(eq(phishingExercises.campaignId, campaign!.id)),
    ).toEqual([expect.objectContaining({ id: later.id })]);

    const second = await purgeExpiredData(testDb.db, { now: new Date("2028-01-15T12:00:00Z"), phishingMonths: 12 });

    expect(await testDb.db.select().from(phishingExercises).where(eq(phishingExercises.id, later.id))).toEqual([]);
    expect(await campaignRow()).toEqual([]);
    expect([first.phishingCampaigns, second.phishingCampaigns]).toEqual([0, 1]);
  });

  it("refuses to launch an exercise whose staff were not told", async () => {
    await expect(exercise({ state: "running" })).rejects.toThrow();
  });
});
