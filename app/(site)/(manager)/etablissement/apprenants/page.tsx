import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { filtersQuery, learnerFiltersSchema } from "@/lib/reports/learner-filters";
import { listLearners } from "@/lib/reports/list-learners";
import { countLateLearners } from "@/lib/reminders/count-late-learners";
import { getReminderSettings } from "@/lib/reminders/reminder-settings";
import { EstablishmentPicker } from "../_components/establishment-picker";
import { ReportsNav } from "../_components/reports-nav";
import { requireManagerPage } from "@/lib/access/page-guards";
import { LearnerFiltersForm } from "./_components/learner-filters-form";
import { LearnerTable } from "./_components/learner-table";
import { RemindForm } from "./_components/remind-form";
import { REMIND_FORM_ID } from "./_components/remind-form-id";
import "@/app/_components/reports/reports.css";
import { teamsOfEstablishment } from "@/lib/organisations/manage-teams";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("managerReports.learners"))("title"), robots: { index: false } };
}

export default async function LearnersPage({ searchParams }: Props) {
  const params = await searchParams;
  const etablissement = typeof params.etablissement === "string" ? params.etablissement : undefined;
  const { db, establishment } = await requireManagerPage("/etablissement/apprenants", etablissement);
  const filters = learnerFiltersSchema.parse(params);
  const catalogue = getCatalogue();
  const asOf = new Date();
  const [t, tr, format, list, assignmentList, teamRows, lateCount, reminderSettings] = await Promise.all([
    getTranslations("managerReports.learners"),
    getTranslations("managerReports"),
    getFormatter(),
    listLearners(db, { organisationId: establishment.id, catalogue, asOf, filters }),
    listAssignments(db, { organisationId: establishment.id, catalogue }),
    teamsOfEstablishment(db, establishment),
    countLateLearners(db, { organisationId: establishment.id, catalogue, asOf }),
    getReminderSettings(db, establishment.id),
  ]);
  const base: Record<string, string> = etablissement ? { etablissement: establishment.id } : {};
  // The export names its establishment: a download never depends on a choice made elsewhere.
  const exportBase: Record<string, string> = { etablissement: establishment.id };
  const date = (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { day: "2-digit", month: "2-digit", year: "numeric" });
  const assignmentOptions = assignmentList.map((a) => ({
    value: a.id,
    label: `${a.subjectTitle} — ${a.teamName ?? tr("assignments.scopeAll")} (${date(a.dueOn)})`,
  }));
  const pageLink = (page: number) => `?${filtersQuery({ ...base, ...filters }, { page })}`;

  return (
    <>
      <h1>{t("title")}</h1>
      <ReportsNav current="learners" query={etablissement ? `?etablissement=${establishment.id}` : ""} />
      <p className="lead">{t("intro")}</p>
      {establishment.all.length > 1 && (
        <EstablishmentPicker establishments={establishment.all} selectedId={establishment.id} />
      )}
      <LearnerFiltersForm
        filters={filters}
        organisationId={etablissement ? establishment.id : undefined}
        teams={teamRows.map((team) => ({ value: team.id, label: team.name }))}
        assignments={assignmentOptions}
      />
      <div className="toolbar">
        <p role="status">{t("count", { count: list.total })}</p>
        <Link href={`?${filtersQuery(base)}`}>{t("reset")}</Link>
        <a
          href={`/etablissement/apprenants/export?${filtersQuery({ ...exportBase, ...filters }, { page: undefined })}`}
          className="button button--secondary"
        >
          {t("export")}
        </a>
      </div>
      <RemindForm
        organisationId={establishment.id}
        lateCount={lateCount}
        intervalDays={reminderSettings.intervalDays}
      />
      <LearnerTable
        rows={list.rows}
        filters={filters}
        base={base}
        caption={t("caption", { page: list.page, pages: list.pageCount })}
        selectForm={REMIND_FORM_ID}
      />
      <nav aria-label={t("pagination")} className="pagination">
        {list.page > 1 && <Link href={pageLink(list.page - 1)}>{t("previous")}</Link>}
        <span>{t("pageOf", { page: list.page, pages: list.pageCount })}</span>
        {list.page < list.pageCount && <Link href={pageLink(list.page + 1)}>{t("next")}</Link>}
      </nav>
    </>
  );
}
