import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, mailOutbox } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadActor } from "@/lib/auth/load-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { SMTP_CONNECTIONS } from "@/lib/mail/send-mail";
import { type TestDb, createTestDb } from "../support/db";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";

// "Relancer tous" through a real SMTP server (smtp-server on 127.0.0.1): the mail path keeps its
// connections open and sends several reminders side by side; each late learner still gets one.
let sink: SmtpSink;
let testDb: TestDb;

beforeAll(async () => {
  sink = await startSmtpSink();
  // lib/env.ts reads the settings once: this file's modules have not read them yet.
  process.env.SMTP_URL = sink.url;
  testDb = await createTestDb();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await testDb?.close();
  await sink?.close();
});

describe("reminders through SMTP", () => {
  it("reach each of 40 late learners once, recorded as sent, and none when asked again at once", async () => {
    const { remindLearners } = await import("@/lib/reminders/remind-learners");
    const catalogue = loadCatalogue();
    const centreId = (await createOrganisation(testDb.db, { kind: "centre" })).id;
    const organisationId = (await createOrganisation(testDb.db, { parentId: centreId })).id;
    const manager = await createUser(testDb.db, { organisationId, role: "manager" });
    const learners = await Promise.all(Array.from({ length: 40 }, () => createUser(testDb.db, { organisationId })));
    await testDb.db
      .insert(assignments)
      .values({ organisationId, subjectType: "module", subjectId: "cles-usb", dueOn: "2026-01-15" });
    const actor = (await loadActor(testDb.db, manager.id))!;
    const asOf = new Date("2026-11-30T10:00:00Z");

    const first = await remindLearners(testDb.db, { actor, organisationId, target: "late", catalogue, asOf });
    const again = await remindLearners(testDb.db, { actor, organisationId, target: "late", catalogue, asOf });

    expect(first.sent).toBe(40);
    expect(again).toMatchObject({ sent: 0, recent: 40 });
    expect(sink.received.map((mail) => mail.to).sort()).toEqual(learners.map((l) => l.email).sort());
    const sent = await testDb.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.organisationId, organisationId), isNotNull(mailOutbox.sentAt)));
    expect(sent).toHaveLength(40);
    // One pool for the whole process, however many senders start together.
    expect(sink.connections.opened).toBeLessThanOrEqual(SMTP_CONNECTIONS);
  });

  it("closes every connection it keeps open when asked (a command-line run can then exit)", async () => {
    const { closeMail, sendMail } = await import("@/lib/mail/send-mail");
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        sendMail(testDb.db, {
          to: `fermeture-${i}@vigie.test`,
          subject: "Objet",
          text: "Bonjour",
          html: "<p>Bonjour</p>",
          kind: "test",
        }),
      ),
    );
    expect(sink.connections.open).toBeGreaterThan(0);

    await closeMail();

    await expect.poll(() => sink.connections.open, { timeout: 3_000 }).toBe(0);
  });
});
