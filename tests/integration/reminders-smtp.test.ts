import type { AddressInfo } from "node:net";
import { and, eq, isNotNull } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, mailOutbox } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadActor } from "@/lib/auth/load-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { type TestDb, createTestDb } from "../support/db";

// "Relancer tous" through a real SMTP server (smtp-server on 127.0.0.1): the mail path keeps its
// connections open and sends several reminders side by side; each late learner still gets one.
const received: string[] = [];
let smtp: SMTPServer;
let testDb: TestDb;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  // lib/env.ts reads the settings once: this file's modules have not read them yet.
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  testDb = await createTestDb();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await testDb?.close();
  // close() waits for open connections: the pool's idle ones may linger.
  await Promise.race([new Promise<void>((resolve) => smtp.close(() => resolve())), new Promise((resolve) => setTimeout(resolve, 2_000))]);
});

describe("reminders through SMTP", () => {
  it("reach each of 40 late learners once, recorded as sent, and none when asked again at once", async () => {
    const { remindLearners } = await import("@/lib/reminders/remind-learners");
    const catalogue = loadCatalogue();
    const centreId = (await createOrganisation(testDb.db, { kind: "centre" })).id;
    const organisationId = (await createOrganisation(testDb.db, { parentId: centreId })).id;
    const manager = await createUser(testDb.db, { organisationId, role: "manager" });
    const learners = await Promise.all(Array.from({ length: 40 }, () => createUser(testDb.db, { organisationId })));
    await testDb.db.insert(assignments).values({ organisationId, subjectType: "module", subjectId: "cles-usb", dueOn: "2026-01-15" });
    const actor = (await loadActor(testDb.db, manager.id))!;
    const asOf = new Date("2026-11-30T10:00:00Z");

    const first = await remindLearners(testDb.db, { actor, organisationId, target: "late", catalogue, asOf });
    const again = await remindLearners(testDb.db, { actor, organisationId, target: "late", catalogue, asOf });

    expect(first.sent).toBe(40);
    expect(again).toMatchObject({ sent: 0, recent: 40 });
    expect([...received].sort()).toEqual(learners.map((l) => l.email).sort());
    const sent = await testDb.db.select().from(mailOutbox).where(and(eq(mailOutbox.organisationId, organisationId), isNotNull(mailOutbox.sentAt)));
    expect(sent).toHaveLength(40);
  });
});
