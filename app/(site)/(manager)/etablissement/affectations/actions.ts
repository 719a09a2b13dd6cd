"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { deleteAssignment } from "@/lib/assignments/delete-assignment";
import { getActor } from "@/lib/auth/guards";
import { courseSubjectField } from "@/lib/courses/course-subject";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";
import { parisDay } from "@/lib/assignments/assignment-cycle";

/** Assigns the path or a module to the establishment or one of its teams, with a due date. */
export async function createAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("managerReports.assignments");
  const actor = await getActor();
  if (!actor) return { message: t("errors.notFound") };
  const schema = z.object({
    organisationId: z.guid(t("errors.notFound")),
    subject: courseSubjectField(t("errors.subject")),
    teamId: z.union([z.literal(""), z.guid(t("errors.notFound"))]),
    dueOn: z.iso.date(t("errors.dueOn")).refine((value) => value >= parisDay(new Date()), t("errors.dueOnPast")),
    renewYearly: z.literal("on").optional(),
  });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;
  const { organisationId, subject, teamId, dueOn, renewYearly } = parsed.data;

  try {
    const { db } = await getDb();
    await createAssignment(db, {
      actor,
      organisationId,
      teamId: teamId || null,
      subjectType: subject.type,
      subjectId: subject.id,
      dueOn,
      renewYearly: renewYearly === "on",
      catalogue: getCatalogue(),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "bad_request")
      return { fieldErrors: { subject: [t("errors.subject")] }, message: t("errors.fixFields") };
    if (error instanceof AppError) return { message: t("errors.notFound") };
    throw error;
  }
  revalidatePath("/etablissement/affectations");

  return { ok: true, message: t("created") };
}

/** Deletes one of the establishment's assignments. */
export async function deleteAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("managerReports.assignments");
  const actor = await getActor();
  const assignmentId = z.guid().safeParse(formData.get("assignmentId"));
  if (!actor || !assignmentId.success) return { message: t("errors.notFound") };

  try {
    const { db } = await getDb();
    await deleteAssignment(db, { actor, assignmentId: assignmentId.data });
  } catch (error) {
    if (error instanceof AppError) return { message: t("errors.notFound") };
    throw error;
  }
  revalidatePath("/etablissement/affectations");

  return { ok: true, message: t("deleted") };
}
