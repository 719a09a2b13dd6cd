import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireManagerPage } from "@/lib/access/page-guards";
import { teamsOfEstablishment } from "@/lib/organisations/manage-teams";
import { countDraftMessages } from "@/lib/phishing/count-draft-messages";
import { exerciseTargets } from "@/lib/phishing/exercise-targets";
import { listExerciseTrend } from "@/lib/phishing/list-exercise-trend";
import { listExercises } from "@/lib/phishing/list-exercises";
import { getIndividualResultsSetting } from "@/lib/phishing/individual-results-setting";
import { parisToday } from "@/lib/phishing/plan-send-times";
import { listPhishingScenarios } from "@/lib/phishing/scenarios";
import { ReportTable } from "@/app/_components/reports/report-table";
import { EstablishmentPicker } from "../_components/establishment-picker";
import { ReportsNav } from "../_components/reports-nav";
import { CreateExerciseForm } from "./_components/create-exercise-form";
import { DraftFigure } from "./_components/draft-figure";
import { ExerciseActions } from "./_components/exercise-actions";
import { ExerciseTrend } from "./_components/exercise-trend";
import "@/app/_components/reports/reports.css";

type Props = { searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("phishingExercises"))("title"), robots: { index: false } };
}

export default async function ExercisesPage({ searchParams }: Props) {
  const { etablissement } = await searchParams;
  const { actor, db, establishment } = await requireManagerPage("/etablissement/exercices", etablissement);
  const [t, tr, tp, format, exercises, drafts, teamRows, targets, trend, individualResults] = await Promise.all([
    getTranslations("phishingExercises"),
    getTranslations("phishingResults"),
    getTranslations("phishingPeople"),
    getFormatter(),
    listExercises(db, establishment.id),
    countDraftMessages(db, establishment.id),
    teamsOfEstablishment(db, establishment),
    exerciseTargets(db, { organisationId: establishment.id, teamIds: [] }),
    listExerciseTrend(db, { actor, organisationId: establishment.id }),
    getIndividualResultsSetting(db, establishment.id),
  ]);
  const scenarios = listPhishingScenarios().map((s) => ({ id: s.id, label: s.title }));
  const scenarioLabel = new Map(scenarios.map((s) => [s.id, s.label]));
  const unreachable = targets.filter((target) => !target.email);
  const query = etablissement ? `?etablissement=${establishment.id}` : "";

  return (
    <>
      <h1>{t("title")}</h1>
      <ReportsNav current="exercises" query={query} />
      <p className="lead">{t("intro")}</p>
      {establishment.all.length > 1 && (
        <EstablishmentPicker establishments={establishment.all} selectedId={establishment.id} />
      )}
      <p>
        <Link href={`/etablissement/exercices/reglages?etablissement=${establishment.id}`}>{tp("settings.link")}</Link>
      </p>
      <section className="section" aria-labelledby="preparer-exercice">
        <h2 id="preparer-exercice">{t("createTitle")}</h2>
        <p>{t("reachable", { count: targets.length - unreachable.length })}</p>
        {unreachable.length > 0 && (
          <details>
            <summary>{t("unreachableTitle")}</summary>
            <ul>
              {unreachable.map((person) => (
                <li key={person.userId}>{person.name}</li>
              ))}
            </ul>
          </details>
        )}
        <CreateExerciseForm
          key={establishment.id}
          organisationId={establishment.id}
          scenarios={scenarios}
          teams={teamRows}
          today={parisToday(new Date())}
        />
      </section>
      <section className="section" aria-labelledby="liste-exercices">
        <h2 id="liste-exercices">{t("listTitle")}</h2>
        {exercises.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ReportTable
            caption={t("caption")}
            columns={(["scenario", "window", "state", "sent", "automatic", "clicks", "actions"] as const).map(
              (key) => ({
                key,
                heading: t(`columns.${key}`),
              }),
            )}
          >
            {exercises.map((exercise) => (
              <tr key={exercise.id}>
                <td>
                  {scenarioLabel.get(exercise.scenarioId) ?? exercise.scenarioId}
                  {exercise.launchedAt && (
                    <p className="hint">
                      <Link href={`/etablissement/exercices/${exercise.id}${query}`}>{tr("resultsLink")}</Link>
                    </p>
                  )}
                  {individualResults && exercise.state !== "draft" && (
                    <p className="hint">
                      <Link href={`/etablissement/exercices/${exercise.id}/personnes`}>{tp("people.link")}</Link>
                    </p>
                  )}
                </td>
                <td>
                  {t("windowText", {
                    day: format.dateTime(new Date(`${exercise.windowStartsOn}T12:00:00Z`), { dateStyle: "short" }),
                    days: exercise.workingDays,
                  })}
                </td>
                <td>
                  {t(`states.${exercise.state}`)}
                  {exercise.isCentreExercise && (
                    <p className="hint">
                      <strong>{t("centreExercise")}</strong> — {t("centreExerciseHint")}
                    </p>
                  )}
                  {exercise.staffInformedAt && (
                    <p className="hint">
                      {t("informedBy", {
                        name: exercise.staffInformedByName ?? "—",
                        date: format.dateTime(exercise.staffInformedAt, { dateStyle: "short" }),
                      })}
                    </p>
                  )}
                </td>
                <td>
                  {exercise.state === "draft" ? (
                    <DraftFigure count={drafts.get(exercise.id)} />
                  ) : (
                    t("sentOf", { sent: exercise.sent, planned: exercise.planned })
                  )}
                </td>
                <td>{exercise.automaticOpens}</td>
                <td>{exercise.clicks}</td>
                <td>
                  <ExerciseActions
                    organisationId={establishment.id}
                    exerciseId={exercise.id}
                    state={exercise.state}
                    isCentreExercise={exercise.isCentreExercise}
                  />
                </td>
              </tr>
            ))}
          </ReportTable>
        )}
      </section>
      <section className="section" aria-labelledby="evolution-exercices">
        <h2 id="evolution-exercices">{tr("trendTitle")}</h2>
        <ExerciseTrend rows={trend} scenarioLabel={(id) => scenarioLabel.get(id) ?? id} query={query} />
      </section>
    </>
  );
}
