import type { Metadata } from "next";
import Link from "next/link";
import { getIndividualResultsSetting } from "@/lib/phishing/individual-results-setting";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireManagerPage } from "@/lib/access/page-guards";
import { AppError } from "@/lib/errors";
import { getExerciseResults } from "@/lib/phishing/get-exercise-results";
import { getPhishingScenario } from "@/lib/phishing/scenarios";
import { ReportsNav } from "../../_components/reports-nav";
import { ResultsTable } from "@/app/_components/phishing/results-table";
import "@/app/_components/reports/reports.css";

type Props = { params: Promise<{ exerciseId: string }>; searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("phishingResults"))("title"), robots: { index: false } };
}

async function loadResults(...args: Parameters<typeof getExerciseResults>) {
  try {
    return await getExerciseResults(...args);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** An exercise's results by service (never by person), with the CSV export. */
export default async function ExerciseResultsPage({ params, searchParams }: Props) {
  const [{ exerciseId }, { etablissement }] = await Promise.all([params, searchParams]);
  const { actor, db, establishment } = await requireManagerPage(
    `/etablissement/exercices/${encodeURIComponent(exerciseId)}`,
    etablissement,
  );
  const [t, te, tp, format, results, individualResults] = await Promise.all([
    getTranslations("phishingResults"),
    getTranslations("phishingExercises"),
    getTranslations("phishingPeople.people"),
    getFormatter(),
    loadResults(db, { actor, organisationId: establishment.id, exerciseId }),
    getIndividualResultsSetting(db, establishment.id),
  ]);
  const { exercise, rows, total } = results;
  const query = etablissement ? `?etablissement=${establishment.id}` : "";

  return (
    <>
      <p>
        <Link href={`/etablissement/exercices${query}`}>{t("back")}</Link>
      </p>
      <h1>{t("heading", { scenario: getPhishingScenario(exercise.scenarioId)?.title ?? exercise.scenarioId })}</h1>
      <ReportsNav current="exercises" query={query} />
      <p className="lead">
        {t("summary", {
          day: format.dateTime(new Date(`${exercise.windowStartsOn}T12:00:00Z`), { dateStyle: "short" }),
          days: exercise.workingDays,
          state: te(`states.${exercise.state}`),
        })}
      </p>
      <p>{t("privacy")}</p>
      {individualResults && (
        <p>
          <Link href={`/etablissement/exercices/${exercise.id}/personnes`}>{tp("link")}</Link>
        </p>
      )}
      <section className="section" aria-labelledby="par-service">
        <h2 id="par-service">{t("tableTitle")}</h2>
        {total.sent === 0 ? (
          <p>{t("noResults")}</p>
        ) : (
          <>
            <ResultsTable rows={rows} total={total} />
            {rows.some((row) => row.group.kind === "mergedWithLarger") && <p>{t("mergedWithLargerNote")}</p>}
            <p className="hint">{t("definitions")}</p>
            <p>
              {/* The export names its establishment: a download never depends on a choice made elsewhere. */}
              <a
                href={`/etablissement/exercices/${exercise.id}/export?etablissement=${establishment.id}`}
                className="button button--secondary"
              >
                {t("export")}
              </a>
            </p>
          </>
        )}
      </section>
    </>
  );
}
