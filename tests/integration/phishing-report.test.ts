import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, mailOutbox, memberships, organisations, phishingExercises, phishingRecipients } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { getReportedMessage } from "@/lib/phishing/get-reported-message";
import { hashRecipientToken, newRecipientToken } from "@/lib/phishing/recipient-token";
import {
  type ReportSuspectMessageOptions,
  SUSPECT_REPORT_LIMIT,
  reportSuspectMessage,
} from "@/lib/phishing/report-suspect-message";
import { type TestDb, createTestDb } from "../support/db";

// "Signaler un message suspect" without the page: the person's own exercise message is recorded
// as reported once; any other paste (someone else's token, another establishment's, a cancelled
// exercise's, a forged one, an ordinary message) records nothing and goes to the security contact
// of the establishment the person works in now.
let testDb: TestDb;
let centre: string;
const now = new Date("2026-11-03T10:00:00Z");
const link = (token: string) => `Cliquez ici : http://localhost:3000/exercice/${token}\nService informatique`;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function establishment(contactEmail: string | null) {
  const organisation = await createOrganisation(testDb.db, { parentId: centre });
  if (contactEmail)
    await testDb.db
      .update(organisations)
      .set({
        incidentContactName: "Claire Martin",
        incidentContactPhone: "04 65 71 20 26",
        incidentContactEmail: contactEmail,
      })
      .where(eq(organisations.id, organisation.id));
  const [exercise] = await testDb.db
    .insert(phishingExercises)
    .values({
      organisationId: organisation.id,
      scenarioId: "colis-pharmacie-pui",
      windowStartsOn: "2026-11-02",
      workingDays: 2,
      state: "running",
      staffInformedAt: new Date("2026-10-30T10:00:00Z"),
    })
    .returning();

  return { organisation, exercise: exercise! };
}

/** A person of the establishment and their sent exercise message, whose token only the test knows. */
async function personWithMessage(
  place: Awaited<ReturnType<typeof establishment>>,
  sentAt = new Date("2026-11-02T09:00:00Z"),
) {
  const created = await createUser(testDb.db, { organisationId: place.organisation.id });
  const user = { id: created.id, name: created.name!, email: created.email };
  const token = newRecipientToken();
  const [recipient] = await testDb.db
    .insert(phishingRecipients)
    .values({
      exerciseId: place.exercise.id,
      organisationId: place.organisation.id,
      userId: user.id,
      plannedAt: sentAt,
      tokenHash: hashRecipientToken(token),
      sentAt,
      deliveredAt: sentAt,
    })
    .returning();

  return { user, token, recipient: recipient! };
}

function report(
  person: { user: { id: string; name: string; email: string | null } },
  place: { organisation: { id: string; name: string } },
  pasted: string,
  at = now,
  organisationIds = [place.organisation.id],
): Promise<Awaited<ReturnType<typeof reportSuspectMessage>>> {
  const options: ReportSuspectMessageOptions = {
    reporter: { userId: person.user.id, name: person.user.name, email: person.user.email, organisationIds },
    establishment: { organisationId: place.organisation.id, name: place.organisation.name },
    pasted,
    now: at,
  };
  return reportSuspectMessage(testDb.db, options);
}

async function reportedAt(recipientId: string) {
  const [row] = await testDb.db
    .select({ reportedAt: phishingRecipients.reportedAt })
    .from(phishingRecipients)
    .where(eq(phishingRecipients.id, recipientId));
  return row!.reportedAt;
}

const mailsTo = (email: string) => testDb.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));

describe("reporting one's own exercise message", () => {
  it("records the report once, after a click too, and sends nothing", async () => {
    const place = await establishment("rssi-a@vigie.test");
    const person = await personWithMessage(place);
    await testDb.db
      .update(phishingRecipients)
      .set({ clickedAt: new Date("2026-11-02T09:30:00Z") })
      .where(eq(phishingRecipients.id, person.recipient.id));

    expect(await report(person, place, link(person.token))).toEqual({
      outcome: "exercise",
      recipientId: person.recipient.id,
    });
    expect(await reportedAt(person.recipient.id)).toEqual(now);
    expect(await report(person, place, person.token, new Date("2026-11-04T08:00:00Z"))).toMatchObject({
      outcome: "exercise",
    });
    expect(await reportedAt(person.recipient.id)).toEqual(now);
    expect(await mailsTo("rssi-a@vigie.test")).toHaveLength(0);
    expect(await getReportedMessage(testDb.db, { userId: person.user.id, recipientId: person.recipient.id })).toEqual({
      scenarioId: "colis-pharmacie-pui",
    });
  });
});

describe("a token that is not the reporter's own message", () => {
  it("records nothing for a colleague's, another establishment's, a cancelled, an expired or a forged token", async () => {
    const a = await establishment("rssi-b@vigie.test");
    const b = await establishment("rssi-c@vigie.test");
    const reporter = await personWithMessage(a);
    const colleague = await personWithMessage(a);
    const elsewhere = await personWithMessage(b);
    const old = await personWithMessage(a, new Date("2026-09-01T09:00:00Z"));
    const cancelled = await establishment(null);
    await testDb.db.insert(memberships).values({ userId: reporter.user.id, organisationId: cancelled.organisation.id });
    const inCancelled = await personWithMessage(cancelled);
    await testDb.db
      .update(phishingRecipients)
      .set({ userId: reporter.user.id })
      .where(eq(phishingRecipients.id, inCancelled.recipient.id));
    await testDb.db
      .update(phishingExercises)
      .set({ state: "cancelled" })
      .where(eq(phishingExercises.id, cancelled.exercise.id));
    const forged = newRecipientToken();
    const sent = { outcome: "sent", contactName: "Claire Martin" };

    for (const token of [colleague.token, elsewhere.token, old.token, forged])
      expect(await report(reporter, a, link(token))).toEqual(sent);
    // Even by their owner: a message older than the link's life, or of a cancelled exercise.
    expect(await report(old, a, link(old.token))).toEqual(sent);
    expect(
      await report(reporter, a, link(inCancelled.token), now, [a.organisation.id, cancelled.organisation.id]),
    ).toEqual(sent);

    for (const id of [reporter, colleague, elsewhere, old, inCancelled].map((p) => p.recipient.id))
      expect(await reportedAt(id)).toBeNull();
    expect(await mailsTo("rssi-b@vigie.test")).toHaveLength(6);
    expect(await mailsTo("rssi-c@vigie.test")).toHaveLength(0);
    expect(
      await getReportedMessage(testDb.db, { userId: reporter.user.id, recipientId: colleague.recipient.id }),
    ).toBeNull();
  });
});

describe("a colleague's exercise message, reported as a real one", () => {
  it("reaches the contact without the colleague's link, saying it is an exercise message, and names no one", async () => {
    const a = await establishment("rssi-g@vigie.test");
    const b = await establishment(null);
    const reporter = await personWithMessage(a);
    const colleague = await personWithMessage(a);
    const elsewhere = await personWithMessage(b);
    const forged = newRecipientToken();
    const colleagueLink = `http://localhost:3000/exercice/${colleague.token}`;
    // The message as a mail source: quoted-printable cuts the link, a gateway rewrites it.
    const source = [
      `De : Service informatique\nObjet : Colis\n\nCliquez ici : ${colleagueLink}`,
      `<a href=3D"${colleagueLink.slice(0, 50)}=\n${colleagueLink.slice(50)}">Suivre</a>`,
      `https://safelinks.example.invalid/?url=${encodeURIComponent(colleagueLink)}&data=05`,
      `Autre : http://localhost:3000/exercice/${elsewhere.token}`,
      `Faux : https://colis.example.com/exercice/${forged}`,
    ].join("\n");

    expect(await report(reporter, a, source)).toEqual({ outcome: "sent", contactName: "Claire Martin" });

    const [mail] = await mailsTo("rssi-g@vigie.test");
    for (const body of [mail!.text, mail!.html]) {
      expect(body).not.toContain(colleague.token.slice(-30));
      expect(body).not.toContain(elsewhere.token.slice(-30));
      // A token no message carries is no exercise link: the contact may need it as it is.
      expect(body).toContain(`https://colis.example.com/exercice/${forged}`);
      expect(body).toContain("hameçonnage de Vigie, reçu par un collègue");
      expect(body).not.toContain(colleague.user.name);
      expect(body).not.toContain(colleague.user.email!);
    }
    // Four links, and the mention in the notice.
    expect(mail!.text.split("[lien d'exercice Vigie retiré]")).toHaveLength(6);
    expect(mail!.text).toContain("Cliquez ici : [lien d'exercice Vigie retiré]\n");
    for (const id of [colleague, elsewhere].map((p) => p.recipient.id)) expect(await reportedAt(id)).toBeNull();
  });

  it("says nothing of an exercise when the only token-shaped link is no message's", async () => {
    const place = await establishment("rssi-h@vigie.test");
    const person = await personWithMessage(place);
    const forged = newRecipientToken();

    await report(person, place, link(forged));

    const [mail] = await mailsTo("rssi-h@vigie.test");
    expect(mail!.text).toContain(forged);
    expect(mail!.text).not.toContain("exercice d'hameçonnage de Vigie");
  });
});

describe("a real report", () => {
  it("reaches the outbox of the reporter's current establishment's contact, as plain text, and the audit log", async () => {
    const a = await establishment("rssi-d@vigie.test");
    const b = await establishment("rssi-e@vigie.test");
    const person = await personWithMessage(a);
    await testDb.db.insert(memberships).values({ userId: person.user.id, organisationId: b.organisation.id });
    const pasted = `Objet : Nouveau RIB\n<a href="https://rib.example.com">Mettre à jour</a> <script>alert(1)</script>`;

    const outcome = await reportSuspectMessage(testDb.db, {
      reporter: {
        userId: person.user.id,
        name: person.user.name,
        email: person.user.email,
        organisationIds: [a.organisation.id, b.organisation.id],
      },
      establishment: { organisationId: b.organisation.id, name: b.organisation.name },
      pasted,
      now,
    });

    expect(outcome).toEqual({ outcome: "sent", contactName: "Claire Martin" });
    expect(await mailsTo("rssi-d@vigie.test")).toHaveLength(0);
    const [mail] = await mailsTo("rssi-e@vigie.test");
    expect(mail).toMatchObject({ kind: "suspect_message_report", organisationId: b.organisation.id });
    expect(mail!.subject).toBe(`Message suspect signalé par ${person.user.name}`);
    expect(mail!.text).toContain(pasted);
    expect(mail!.text).toContain(`${person.user.name} (${person.user.email}), de ${b.organisation.name}`);
    expect(mail!.html).not.toContain("<script>");
    expect(mail!.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const [entry] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "suspect_message.reported"), eq(auditLog.actorUserId, person.user.id)));
    expect(entry).toMatchObject({
      organisationId: b.organisation.id,
      details: { outcome: "sent", length: pasted.length },
    });
    expect(JSON.stringify(entry)).not.toContain("RIB");
  });

  it("sends nothing when the establishment has no contact, and says so", async () => {
    const place = await establishment(null);
    const person = await personWithMessage(place);

    expect(await report(person, place, "Un message bizarre")).toEqual({ outcome: "no_contact" });
    const entries = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "suspect_message.reported"), eq(auditLog.actorUserId, person.user.id)));
    expect(entries.map((e) => e.details)).toEqual([{ outcome: "no_contact", length: 18 }]);
  });

  it("refuses a person's reports past the hourly limit, and takes them again the next hour", async () => {
    const place = await establishment("rssi-f@vigie.test");
    const person = await personWithMessage(place);
    const at = new Date("2026-11-05T10:00:00Z");
    for (let i = 0; i < SUSPECT_REPORT_LIMIT.perPerson; i++)
      expect(await report(person, place, `Message ${i}`, at)).toMatchObject({ outcome: "sent" });

    expect(await report(person, place, link(person.token), at)).toMatchObject({ outcome: "rate_limited" });
    expect(await reportedAt(person.recipient.id)).toBeNull();
    expect(await mailsTo("rssi-f@vigie.test")).toHaveLength(SUSPECT_REPORT_LIMIT.perPerson);
    expect(await report(person, place, link(person.token), new Date("2026-11-05T11:00:01Z"))).toMatchObject({
      outcome: "exercise",
    });
  });
});
