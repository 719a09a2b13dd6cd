import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { reminders, users } from "@/db/schema";

/** The establishment's latest reminders, newest first, with the learner and who sent it (null: automatic). */
export async function listRecentReminders(db: Db, options: { organisationId: string; limit?: number }) {
  const sender = alias(users, "sender");

  return db
    .select({
      id: reminders.id,
      sentAt: reminders.sentAt,
      kind: reminders.kind,
      learnerName: users.name,
      learnerEmail: users.email,
      senderName: sender.name,
      senderEmail: sender.email,
      sentBy: reminders.sentBy,
    })
    .from(reminders)
    .innerJoin(users, eq(users.id, reminders.userId))
    .leftJoin(sender, eq(sender.id, reminders.sentBy))
    .where(eq(reminders.organisationId, options.organisationId))
    .orderBy(desc(reminders.sentAt), desc(reminders.id))
    .limit(options.limit ?? 50);
}
