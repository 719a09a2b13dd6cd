import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { reminderSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";

export type ReminderSettingsValues = { autoEnabled: boolean; daysBefore: number; intervalDays: number };

export const DEFAULT_REMINDER_SETTINGS: ReminderSettingsValues = { autoEnabled: false, daysBefore: 7, intervalDays: 7 };

/** The same bounds as the table's CHECK constraints. */
export const reminderSettingsSchema = z.object({
  autoEnabled: z.boolean(),
  daysBefore: z.number().int().min(1).max(60),
  intervalDays: z.number().int().min(1).max(90),
});

/** An establishment's reminder settings, or the defaults when it never changed them. */
export async function getReminderSettings(db: Db, organisationId: string): Promise<ReminderSettingsValues> {
  const [row] = await db.select().from(reminderSettings).where(eq(reminderSettings.organisationId, organisationId));
  if (!row) return { ...DEFAULT_REMINDER_SETTINGS };

  return { autoEnabled: row.autoEnabled, daysBefore: row.daysBefore, intervalDays: row.intervalDays };
}

/**
 * Saves the reminder settings of an establishment the actor manages (or, as platform admin,
 * oversees); anyone else gets not_found and nothing is written.
 */
export async function updateReminderSettings(
  db: Db,
  options: { actor: Actor; organisationId: string; values: ReminderSettingsValues },
): Promise<ReminderSettingsValues> {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  const values = reminderSettingsSchema.parse(options.values);
  const now = new Date();
  await db
    .insert(reminderSettings)
    .values({ organisationId: establishment.id, ...values, updatedBy: options.actor.userId, updatedAt: now })
    .onConflictDoUpdate({
      target: reminderSettings.organisationId,
      set: { ...values, updatedBy: options.actor.userId, updatedAt: now },
    });
  await recordAudit(db, {
    action: "reminder_settings.updated",
    actorUserId: options.actor.userId,
    organisationId: establishment.id,
    targetType: "organisation",
    targetId: establishment.id,
    details: values,
  });

  return values;
}
