import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { courseSubjectValue } from "@/lib/courses/course-subject";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { parisDay } from "@/lib/assignments/assignment-cycle";
import { EstablishmentPicker } from "../_components/establishment-picker";
import { ReportsNav } from "../_components/reports-nav";
import { requireManagerPage } from "@/lib/access/page-guards";
import { AssignmentForm } from "./_components/assignment-form";
import { DeleteAssignmentForm } from "./_components/delete-assignment-form";
import "@/app/_components/reports/reports.css";
import { teamsOfEstablishment } from "@/lib/organisations/manage-teams";

type Props = { searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("managerReports.assignments"))("title"), robots: { index: false } };
}

export default async function AssignmentsPage({ searchParams }: Props) {
  const { etablissement } = await searchParams;
  const { db, establishment } = await requireManagerPage("/etablissement/affectations", etablissement);
  const catalogue = getCatalogue();
  const [t, format, list, teamRows] = await Promise.all([
    getTranslations("managerReports.assignments"),
    getFormatter(),
    listAssignments(db, { organisationId: establishment.id, catalogue }),
    teamsOfEstablishment(db, establishment),
  ]);
  const subjects = [
    ...catalogue.paths.map((p) => ({
      value: courseSubjectValue("path", p.id),
      label: t("pathOption", { title: p.title }),
    })),
    ...catalogue.modules.map((m) => ({
      value: courseSubjectValue("module", m.id),
      label: t("moduleOption", { title: m.title }),
    })),
  ];
  const date = (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { day: "2-digit", month: "2-digit", year: "numeric" });

  return (
    <>
      <h1>{t("title")}</h1>
      <ReportsNav current="assignments" query={etablissement ? `?etablissement=${establishment.id}` : ""} />
      <p className="lead">{t("intro")}</p>
      {establishment.all.length > 1 && (
        <EstablishmentPicker establishments={establishment.all} selectedId={establishment.id} />
      )}
      <section className="section" aria-labelledby="nouvelle-affectation">
        <h2 id="nouvelle-affectation">{t("newTitle")}</h2>
        <AssignmentForm
          organisationId={establishment.id}
          subjects={subjects}
          teams={teamRows.map((team) => ({ value: team.id, label: t("teamOption", { name: team.name }) }))}
          minDate={parisDay(new Date())}
          labels={{
            subject: t("subject"),
            team: t("team"),
            wholeEstablishment: t("wholeEstablishment"),
            dueOn: t("dueOn"),
            renewYearly: t("renewYearly"),
            submit: t("submit"),
          }}
        />
      </section>
      <section className="section" aria-labelledby="affectations-en-cours">
        <h2 id="affectations-en-cours">{t("listTitle")}</h2>
        {list.length === 0 && <p>{t("empty")}</p>}
        <ul className="assignment-list">
          {list.map((item) => {
            const scope = item.teamName ?? t("scopeAll");
            return (
              <li key={item.id} className="card">
                <h3>{item.subjectTitle}</h3>
                <p>
                  {scope} — {t("due", { date: date(item.dueOn) })}
                  {item.renewYearly && `, ${t("yearly")}`}
                </p>
                <DeleteAssignmentForm
                  assignmentId={item.id}
                  label={t("deleteLabel", { title: item.subjectTitle, scope })}
                  text={t("delete")}
                />
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
