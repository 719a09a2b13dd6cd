import { and, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { assignments, organisations } from "@/db/schema";
import { defaultAssignmentRows } from "@/lib/assignments/default-assignments";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { requireAdminCentres } from "@/lib/access/roles";
import { slugFor } from "./slug-for";
import { recordAudit } from "@/lib/audit/record-audit";

const NAME_MIN = 2;
const NAME_MAX = 200;

/** What the admin types to create an establishment, with messages in `locale` (French when absent). */
export function createEstablishmentSchemaFor(locale?: Locale) {
  const t = validationMessages(locale);

  return z.object({
    name: z
      .string()
      .trim()
      .min(NAME_MIN, t("establishment.nameShort", { min: NAME_MIN }))
      .max(NAME_MAX, t("establishment.nameLong", { max: NAME_MAX })),
    kind: z.enum(["establishment", "group"], { message: t("establishment.kindInvalid") }),
    parentId: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined),
    finess: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^\d{9}$|^2[AB]\d{7}$/.test(v), t("establishment.finessInvalid")),
  });
}

export const createEstablishmentSchema = createEstablishmentSchemaFor();

export type CreateEstablishmentInput = z.input<typeof createEstablishmentSchema>;

/**
 * Creates an establishment or a group under the admin's centre, or under one of its groups.
 * A parent outside the admin's centres is "not found"; only admins may create. An
 * establishment starts with the default assignments (lib/assignments/default-assignments.ts).
 */
export async function createEstablishment(db: Db, options: { actor: Actor; input: CreateEstablishmentInput }) {
  const centres = requireAdminCentres(options.actor);
  const { name, kind, finess, parentId: requestedParent } = createEstablishmentSchema.parse(options.input);
  const parentId = requestedParent ?? centres[0]!;
  if (!z.uuid().safeParse(parentId).success) throw new AppError("not_found", "malformed parent id");
  const [parent] = await db
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, parentId),
        or(
          inArray(organisations.id, centres),
          and(eq(organisations.kind, "group"), inArray(organisations.parentId, centres)),
        ),
      ),
    );
  if (!parent) throw new AppError("not_found", "parent outside the admin's centres");
  if (kind === "group" && parent.kind !== "centre")
    throw new AppError("bad_request", "a group sits directly under a centre");

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(organisations)
      .values({ name, kind, finess, parentId: parent.id, slug: slugFor(name) })
      .returning();
    await recordAudit(tx, {
      action: "organisation_created",
      actorUserId: options.actor.userId,
      organisationId: created!.id,
      targetType: "organisation",
      targetId: created!.id,
      details: { name, kind },
    });
    if (kind === "establishment")
      await tx
        .insert(assignments)
        .values(
          defaultAssignmentRows({ organisationId: created!.id, createdBy: options.actor.userId, now: new Date() }),
        );

    return created!;
  });
}
