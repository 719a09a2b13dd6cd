import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { AppError } from "@/lib/errors";
import { getLearnerDetail } from "@/lib/reports/get-learner-detail";
import { requireMemberInScope } from "@/lib/access/member-scope";
import { requireManagerPage } from "@/lib/access/page-guards";
import "@/app/_components/reports/reports.css";
import { ReportTable } from "@/app/_components/reports/report-table";
import { EndSessionsForm } from "./_components/end-sessions-form";
import { MemberAccess } from "./_components/member-access";
import { PasswordLinkForm } from "./_components/password-link-form";
import { PersonalAssignment } from "./_components/personal-assignment";
import { RenameForm } from "@/app/_components/rename-form";
import { listLinkedSsoIdentities } from "@/lib/sso/unlink-sso-identity";
import { renameMemberAction } from "./actions";

type Props = { params: Promise<{ userId: string }>; searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("managerReports.learners"))("title"), robots: { index: false } };
}

async function loadDetail(...args: Parameters<typeof getLearnerDetail>) {
  try {
    return await getLearnerDetail(...args);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function LearnerDetailPage({ params, searchParams }: Props) {
  const [{ userId }, { etablissement }] = await Promise.all([params, searchParams]);
  const { actor, db, establishment } = await requireManagerPage(`/etablissement/apprenants/${userId}`, etablissement);
  const [t, tr, tp, tn, format] = await Promise.all([
    getTranslations("managerReports.learner"),
    getTranslations("managerReports"),
    getTranslations("joinCodes.passwordLink"),
    getTranslations("account.rename"),
    getFormatter(),
  ]);
  const detail = await loadDetail(db, {
    organisationId: establishment.id,
    userId,
    catalogue: getCatalogue(),
    asOf: new Date(),
  });
  const isActive = detail.learner.isActive;
  const { isWhollyInScope, isInScope } = await requireMemberInScope(db, actor, {
    userId: detail.learner.id,
    organisationId: establishment.id,
  }).then(
    (member) => ({ ...member, isInScope: true }),
    (error: unknown) => {
      // Not the actor's to deactivate or rename (an admin, themselves): the page still shows, without those forms.
      if (error instanceof AppError) return { isWhollyInScope: false, isInScope: false };
      throw error;
    },
  );
  const providers = await listLinkedSsoIdentities(db, detail.learner.id);
  const date = (value: Date | null) =>
    value ? format.dateTime(value, { day: "2-digit", month: "2-digit", year: "numeric" }) : "—";
  const day = (value: string) => date(new Date(`${value}T12:00:00Z`));

  return (
    <>
      <p>
        <Link href={`/etablissement/apprenants${etablissement ? `?etablissement=${establishment.id}` : ""}`}>
          {t("back")}
        </Link>
      </p>
      <h1>{detail.learner.name ?? detail.learner.email}</h1>
      <p className="lead">
        {detail.learner.email ?? (detail.learner.username && tp("identifier", { username: detail.learner.username }))}{" "}
        {detail.learner.teamName && `— ${detail.learner.teamName}`}
      </p>
      <section className="section" aria-labelledby="acces">
        <h2 id="acces">{t("access")}</h2>
        <MemberAccess
          userId={detail.learner.id}
          name={detail.learner.name ?? detail.learner.email ?? detail.learner.username ?? ""}
          organisationId={establishment.id}
          organisationName={establishment.name}
          role={detail.learner.role}
          isActive={isActive}
          isWhollyInScope={isWhollyInScope}
          isSelf={detail.learner.id === actor.userId}
        />
        {isActive && (
          <>
            <p>{t("endSessionsHint")}</p>
            <EndSessionsForm userId={detail.learner.id} organisationId={establishment.id} text={t("endSessions")} />
          </>
        )}
      </section>
      {isActive && !detail.learner.email && detail.learner.username && (
        <section className="section" aria-labelledby="mot-de-passe">
          <h2 id="mot-de-passe">{tp("title")}</h2>
          <p>{tp("intro")}</p>
          <PasswordLinkForm organisationId={establishment.id} userId={userId} />
        </section>
      )}
      {isInScope && detail.learner.isActive && (
        <section className="section" aria-labelledby="nom">
          <h2 id="nom">{providers.length > 0 ? tn("providerTitle") : tn("title")}</h2>
          {providers.length > 0 ? (
            <p>
              {tn("memberProviderBody", { providers: providers.map((identity) => identity.displayName).join(", ") })}
            </p>
          ) : (
            <RenameForm
              action={renameMemberAction}
              fields={{ userId: detail.learner.id, organisationId: establishment.id }}
              name={detail.learner.name ?? ""}
              text={{ label: tn("label"), hint: tn("hint"), submit: tn("submit") }}
            />
          )}
        </section>
      )}
      <section className="section" aria-labelledby="affectations">
        <h2 id="affectations">{t("assignments")}</h2>
        {detail.assignments.length === 0 && <p>{t("noAssignments")}</p>}
        {detail.assignments.some((a) => a.isPersonal) && <p>{t("personalAssignmentHint")}</p>}
        <ul>
          {detail.assignments.map((a) => {
            const line = (
              <>
                {a.subjectTitle} — {tr("assignments.due", { date: day(a.dueOn) })} —{" "}
                <span className={a.status === "late" ? "status-late" : undefined}>{tr(`status.${a.status}`)}</span>
                {a.isPersonal && ` — ${t("personalAssignment")}`}
              </>
            );
            return (
              <li key={a.id}>
                {a.isPersonal ? (
                  <PersonalAssignment
                    assignmentId={a.id}
                    organisationId={establishment.id}
                    label={t("removeAssignmentLabel", { title: a.subjectTitle })}
                    text={t("removeAssignment")}
                  >
                    {line}
                  </PersonalAssignment>
                ) : (
                  line
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section className="section" aria-labelledby="modules">
        <h2 id="modules">{t("modules")}</h2>
        {detail.modules.length === 0 ? (
          <p>{t("noProgress")}</p>
        ) : (
          <ReportTable
            caption={t("modules")}
            columns={[
              { key: "module", heading: t("module") },
              { key: "score", heading: t("score"), isNumber: true },
              { key: "time", heading: t("time"), isNumber: true },
              { key: "started", heading: t("started") },
              { key: "completed", heading: t("completed") },
              { key: "inAssignment", heading: t("inAssignment") },
              { key: "certificate", heading: t("certificate") },
            ]}
          >
            {detail.modules.map((m) => (
              <tr key={m.moduleId}>
                <th scope="row">{m.title}</th>
                <td className="number">{m.bestScore === null ? "—" : `${m.bestScore} %`}</td>
                <td className="number">{tr("learners.minutes", { count: Math.round(m.timeSpentSeconds / 60) })}</td>
                <td>{date(m.startedAt)}</td>
                <td>{date(m.completedAt)}</td>
                <td>{m.isAssigned ? t("assigned") : t("notAssigned")}</td>
                <td>
                  {m.certificate ? `${m.certificate.code}${m.certificate.revokedAt ? ` (${t("revoked")})` : ""}` : "—"}
                </td>
              </tr>
            ))}
          </ReportTable>
        )}
      </section>
      <section className="section" aria-labelledby="certificats">
        <h2 id="certificats">{t("certificates")}</h2>
        {detail.certificates.length === 0 && <p>{t("noCertificates")}</p>}
        <ul>
          {detail.certificates.map((c) => (
            <li key={c.id}>
              {c.subjectTitle} — {date(c.completedAt)} — {c.code}
              {c.revokedAt && ` (${t("revoked")})`}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
