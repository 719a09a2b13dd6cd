import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, auditLog, mailOutbox, moduleProgress, reminders, users } from "@/db/schema";
import { createOrganisation, createTeam, createUser } from "@/db/seed/factories";
import { loadActor } from "@/lib/auth/load-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { listRecentReminders } from "@/lib/reminders/list-recent-reminders";
import { remindLearners } from "@/lib/reminders/remind-learners";
import { getReminderSettings, updateReminderSettings } from "@/lib/reminders/reminder-settings";
import { sendAutomaticReminders } from "@/lib/reminders/send-automatic-reminders";
import { type TestDb, createTestDb } from "../support/db";

const catalogue = loadCatalogue();
const asOf = new Date("2026-11-30T10:00:00Z");
const days = (n: number) => new Date(asOf.getTime() + n * 86_400_000);
let testDb: TestDb;
let centreId: string;

async function actorOf(userId: string) {
  return (await loadActor(testDb.db, userId))!;
}

/**
 * An establishment with a manager and learners: `late` and `english` (late, locale en), `done`
 * (completed the assigned module), `inactive` (late but deactivated), `noEmail` (late, no address)
 * and, in a team whose assignment is due in 5 days, `soon` (not started, not late yet).
 */
async function establishment(name?: string) {
  const db = testDb.db;
  const organisationId = (await createOrganisation(db, { parentId: centreId, name })).id;
  const teamId = (await createTeam(db, { organisationId })).id;
  const manager = await createUser(db, { organisationId, role: "manager" });
  const make = (teamIdOf: string | null = null) =>
    createUser(db, { organisationId, role: "learner", teamId: teamIdOf });
  const [late, english, done, inactive, noEmail, soon] = await Promise.all([
    make(),
    make(),
    make(),
    make(),
    make(),
    make(teamId),
  ]);
  await db.update(users).set({ locale: "en" }).where(eq(users.id, english.id));
  await db.update(users).set({ isActive: false }).where(eq(users.id, inactive.id));
  await db.update(users).set({ email: null }).where(eq(users.id, noEmail.id));
  await db
    .insert(assignments)
    .values({ organisationId, teamId: null, subjectType: "module", subjectId: "cles-usb", dueOn: "2026-11-01" });
  await db
    .insert(assignments)
    .values({ organisationId, teamId, subjectType: "module", subjectId: "session-ouverte", dueOn: "2026-12-05" });
  for (const userId of [done.id, soon.id]) {
    await db.insert(moduleProgress).values({
      userId,
      organisationId,
      moduleId: "cles-usb",
      moduleVersion: 1,
      completedAt: new Date("2026-10-20T09:00:00Z"),
      completedVersion: 1,
      startedAt: new Date("2026-10-20T08:50:00Z"),
      lastActivityAt: new Date("2026-10-20T09:00:00Z"),
    });
  }

  return { organisationId, manager: await actorOf(manager.id), late, english, done, inactive, noEmail, soon };
}

async function mailsTo(emails: (string | null)[]) {
  const addresses = emails.filter((e): e is string => e !== null);

  return testDb.db
    .select()
    .from(mailOutbox)
    .where(and(inArray(mailOutbox.to, addresses), eq(mailOutbox.kind, "reminder_manual")));
}

async function remindersOf(userId: string) {
  return testDb.db.select().from(reminders).where(eq(reminders.userId, userId));
}

beforeAll(async () => {
  testDb = await createTestDb();
  centreId = (await createOrganisation(testDb.db, { kind: "centre" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

describe("remindLearners", () => {
  it("reminds every late learner once, never one who completed, is deactivated or has no e-mail", async () => {
    const a = await establishment();
    const result = await remindLearners(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      target: "late",
      catalogue,
      asOf,
    });

    expect(result).toMatchObject({ sent: 2, recent: 0, intervalDays: 7 });
    const mails = await mailsTo([a.late.email, a.english.email, a.done.email, a.inactive.email, a.soon.email]);
    expect(mails.map((m) => m.to).sort()).toEqual([a.late.email, a.english.email].sort());
    expect(await remindersOf(a.done.id)).toHaveLength(0);
    expect(await remindersOf(a.inactive.id)).toHaveLength(0);
    expect(await remindersOf(a.noEmail.id)).toHaveLength(0);
    const [row] = await remindersOf(a.late.id);
    expect(row).toMatchObject({ organisationId: a.organisationId, kind: "manual", sentBy: a.manager.userId });
    const audit = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "reminders.sent"), eq(auditLog.targetId, a.organisationId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ kind: "manual", sent: 2 });
  });

  it("writes the e-mail in French, or English for an English-speaking learner, with the due date and the link", async () => {
    const a = await establishment();
    await remindLearners(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      target: "late",
      catalogue,
      asOf,
    });
    const [french] = await mailsTo([a.late.email]);
    const [english] = await mailsTo([a.english.email]);

    expect(french!.subject).toBe("Rappel : votre sensibilisation à la cybersécurité");
    expect(french!.text).toContain(
      `« ${catalogue.moduleById.get("cles-usb")!.title} » — à terminer avant le 01/11/2026 (en retard)`,
    );
    expect(french!.text).toMatch(/http:\/\/[^/]+\/modules/);
    expect(english!.subject).toBe("Reminder: your cybersecurity awareness training");
    expect(english!.html).toContain('<html lang="en">');
    expect(english!.text).toContain("to complete by 01/11/2026 (overdue)");
  });

  it("counts ticked learners who completed or cannot be reached, and sends them nothing", async () => {
    const a = await establishment();
    const target = { userIds: [a.late.id, a.done.id, a.inactive.id, a.noEmail.id, a.soon.id] };
    const result = await remindLearners(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      target,
      catalogue,
      asOf,
    });

    // `soon` is not late but has something to do: a manager may remind them by hand.
    expect(result).toMatchObject({ sent: 2, recent: 0, done: 1, unreachable: 2 });
    expect((await mailsTo([a.late.email, a.done.email, a.soon.email])).map((m) => m.to).sort()).toEqual(
      [a.late.email, a.soon.email].sort(),
    );
  });

  it("sends nothing to a learner reminded less than the interval ago, and again once it has passed", async () => {
    const a = await establishment();
    await updateReminderSettings(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      values: { autoEnabled: false, daysBefore: 7, intervalDays: 3 },
    });
    const remind = (at: Date) =>
      remindLearners(testDb.db, {
        actor: a.manager,
        organisationId: a.organisationId,
        target: { userIds: [a.late.id] },
        catalogue,
        asOf: at,
      });

    expect((await remind(asOf)).sent).toBe(1);
    expect(await remind(days(1))).toMatchObject({ sent: 0, recent: 1, intervalDays: 3 });
    expect((await remind(days(2.9))).sent).toBe(0);
    expect((await remind(days(3))).sent).toBe(1);
    expect(await remindersOf(a.late.id)).toHaveLength(2);
  });

  it("sends once when two managers remind the same learners at the same moment", async () => {
    const a = await establishment();
    const second = await actorOf(
      (await createUser(testDb.db, { organisationId: a.organisationId, role: "manager" })).id,
    );
    const results = await Promise.all(
      [a.manager, second, a.manager, second].map((actor) =>
        remindLearners(testDb.db, { actor, organisationId: a.organisationId, target: "late", catalogue, asOf }),
      ),
    );

    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(2);
    expect(await remindersOf(a.late.id)).toHaveLength(1);
    expect(await mailsTo([a.late.email])).toHaveLength(1);
  });

  it("answers not found to a manager of another establishment, and sends nothing", async () => {
    const a = await establishment();
    const b = await establishment();

    await expect(
      remindLearners(testDb.db, {
        actor: b.manager,
        organisationId: a.organisationId,
        target: "late",
        catalogue,
        asOf,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const learnerOfA = await actorOf(a.late.id);
    await expect(
      remindLearners(testDb.db, {
        actor: learnerOfA,
        organisationId: a.organisationId,
        target: "late",
        catalogue,
        asOf,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    // A's learners ticked on B's page are not B's: nobody is reminded.
    const result = await remindLearners(testDb.db, {
      actor: b.manager,
      organisationId: b.organisationId,
      target: { userIds: [a.late.id, a.english.id, "pas-un-uuid"] },
      catalogue,
      asOf,
    });
    expect(result).toMatchObject({ sent: 0, unreachable: 3 });
    expect(await remindersOf(a.late.id)).toHaveLength(0);
    expect(await mailsTo([a.late.email, a.english.email])).toHaveLength(0);
    // A's reminders never show in B's log.
    await remindLearners(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      target: "late",
      catalogue,
      asOf,
    });
    expect((await listRecentReminders(testDb.db, { organisationId: a.organisationId })).length).toBe(2);
    expect(await listRecentReminders(testDb.db, { organisationId: b.organisationId })).toEqual([]);
    await expect(
      updateReminderSettings(testDb.db, {
        actor: b.manager,
        organisationId: a.organisationId,
        values: { autoEnabled: true, daysBefore: 7, intervalDays: 7 },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await getReminderSettings(testDb.db, a.organisationId)).autoEnabled).toBe(false);
  });

  it("escapes the establishment's name in the HTML part", async () => {
    const a = await establishment(`<script>alert("x")</script> & <b>Cie</b>`);
    await remindLearners(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      target: { userIds: [a.late.id] },
      catalogue,
      asOf,
    });
    const [mail] = await mailsTo([a.late.email]);

    expect(mail!.html).not.toContain("<script>");
    expect(mail!.html).not.toContain("<b>Cie");
    expect(mail!.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Cie&lt;/b&gt;");
    expect(mail!.text).toContain(`<script>alert("x")</script> & <b>Cie</b> vous rappelle`);
  });
});

describe("sendAutomaticReminders", () => {
  async function automaticMails(organisationId: string) {
    return testDb.db
      .select({ to: mailOutbox.to, kind: mailOutbox.kind })
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.organisationId, organisationId),
          inArray(mailOutbox.kind, ["reminder_before_due", "reminder_after_due"]),
        ),
      );
  }

  it("reminds late learners after the due date and others before it, only where turned on", async () => {
    const a = await establishment();
    const off = await establishment();
    await updateReminderSettings(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      values: { autoEnabled: true, daysBefore: 7, intervalDays: 7 },
    });
    const counts = await sendAutomaticReminders(testDb.db, { catalogue, asOf });

    expect(counts.find((c) => c.organisationId === a.organisationId)).toMatchObject({ beforeDue: 1, afterDue: 2 });
    const mails = await automaticMails(a.organisationId);
    expect(mails.sort((x, y) => x.to.localeCompare(y.to))).toEqual(
      [
        { to: a.late.email, kind: "reminder_after_due" },
        { to: a.english.email, kind: "reminder_after_due" },
        { to: a.soon.email, kind: "reminder_before_due" },
      ].sort((x, y) => x.to!.localeCompare(y.to!)),
    );
    expect(await automaticMails(off.organisationId)).toHaveLength(0);
  });

  it("does not remind before the due date earlier than the days set", async () => {
    const a = await establishment();
    await updateReminderSettings(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      values: { autoEnabled: true, daysBefore: 3, intervalDays: 7 },
    });
    await sendAutomaticReminders(testDb.db, { catalogue, asOf });
    expect(await remindersOf(a.soon.id)).toHaveLength(0);

    await sendAutomaticReminders(testDb.db, { catalogue, asOf: days(2) });
    expect((await remindersOf(a.soon.id)).map((r) => r.kind)).toEqual(["before_due"]);
  });

  it("shares the interval with manual reminders and sends once when two runs overlap", async () => {
    const a = await establishment();
    await updateReminderSettings(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      values: { autoEnabled: true, daysBefore: 7, intervalDays: 7 },
    });
    await remindLearners(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      target: { userIds: [a.late.id] },
      catalogue,
      asOf,
    });
    await Promise.all([
      sendAutomaticReminders(testDb.db, { catalogue, asOf: days(1) }),
      sendAutomaticReminders(testDb.db, { catalogue, asOf: days(1) }),
      sendAutomaticReminders(testDb.db, { catalogue, asOf: days(1) }),
    ]);

    expect((await remindersOf(a.late.id)).map((r) => r.kind)).toEqual(["manual"]);
    expect(await remindersOf(a.english.id)).toHaveLength(1);
    expect(await remindersOf(a.soon.id)).toHaveLength(1);
    expect(await remindersOf(a.done.id)).toHaveLength(0);

    await sendAutomaticReminders(testDb.db, { catalogue, asOf: days(7) });
    expect((await remindersOf(a.late.id)).map((r) => r.kind).sort()).toEqual(["after_due", "manual"]);
    expect(await remindersOf(a.english.id)).toHaveLength(1);
  });
});
