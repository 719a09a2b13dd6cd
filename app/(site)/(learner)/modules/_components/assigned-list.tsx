import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { LearnerAssignment } from "@/lib/assignments/list-learner-assignments";

/** What the establishment asks of the learner and by when, late ones first and flagged in words. */
export async function AssignedList({ assignments }: { assignments: LearnerAssignment[] }) {
  const [t, format] = await Promise.all([getTranslations("learnerAssignments"), getFormatter()]);
  const date = (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { day: "2-digit", month: "2-digit", year: "numeric" });

  return (
    <section className="section callout" aria-labelledby="a-terminer">
      <h2 id="a-terminer">{t("title")}</h2>
      <ul>
        {assignments.map((a) => (
          <li key={a.id}>
            <Link
              href={a.subjectType === "path" ? `#parcours-${a.subjectId}` : `/modules/${a.subjectId}`}
              aria-label={t("open", { title: a.subjectTitle })}
            >
              {a.subjectTitle}
            </Link>{" "}
            —{" "}
            <strong>
              {a.status === "late" ? t("late", { date: date(a.dueOn) }) : t("due", { date: date(a.dueOn) })}
            </strong>
            {a.renewYearly && ` (${t("yearly")})`} — {t(`status.${a.status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
