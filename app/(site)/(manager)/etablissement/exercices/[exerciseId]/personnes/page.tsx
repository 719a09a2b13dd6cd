import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireIndividualResults } from "@/lib/access/phishing-individual-results";
import { requireActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { listExercisePeople } from "@/lib/phishing/list-exercise-people";
import { getPhishingScenario } from "@/lib/phishing/scenarios";
import { ReportTable } from "@/app/_components/reports/report-table";
import "@/app/_components/reports/reports.css";

type Props = { params: Promise<{ exerciseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("phishingPeople.people"))("title"), robots: { index: false } };
}

export default async function ExercisePeoplePage({ params }: Props) {
  const { exerciseId: id } = await params;
  const actor = await requireActor(`/etablissement/exercices/${id}/personnes`);
  const { db } = await getDb();
  // Not an exercise the actor manages, or its establishment keeps results to each person: not found.
  const scope = await requireIndividualResults(db, actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const [t, format, people] = await Promise.all([
    getTranslations("phishingPeople.people"),
    getFormatter(),
    listExercisePeople(db, { exerciseId: scope.exercise.id, organisationId: scope.establishment.id }),
  ]);
  const scenario = getPhishingScenario(scope.exercise.scenarioId)?.title ?? scope.exercise.scenarioId;
  const when = (at: Date | null) => (at ? t("yes", { date: format.dateTime(at, { dateStyle: "short" }) }) : t("no"));

  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        <Link href={`/etablissement/exercices?etablissement=${scope.establishment.id}`}>{t("back")}</Link>
      </p>
      <p className="lead">{t("intro")}</p>
      <p>
        <strong>{scenario}</strong> — {scope.establishment.name}
      </p>
      {people.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ReportTable
          caption={t("caption", { scenario })}
          columns={(["name", "team", "received", "clicked", "reported"] as const).map((key) => ({
            key,
            heading: t(`columns.${key}`),
          }))}
        >
          {people.map((person) => (
            <tr key={person.userId}>
              <td>{person.name}</td>
              <td>{person.teamName ?? t("noTeam")}</td>
              <td>
                {person.deliveredAt ? format.dateTime(person.deliveredAt, { dateStyle: "short" }) : t("notDelivered")}
              </td>
              <td>{when(person.clickedAt)}</td>
              <td>{when(person.reportedAt)}</td>
            </tr>
          ))}
        </ReportTable>
      )}
    </>
  );
}
