import { getTranslations } from "next-intl/server";
import type { LearnerFilters } from "@/lib/reports/learner-filters";
import { learnerStatuses } from "@/lib/assignments/assignment-status";

type Option = { value: string; label: string };
type Props = { filters: LearnerFilters; organisationId?: string; teams: Option[]; assignments: Option[] };

/** A plain GET form: filtering works with the keyboard and without JavaScript, and the URL can be shared. */
export async function LearnerFiltersForm({ filters, organisationId, teams, assignments }: Props) {
  const t = await getTranslations("managerReports");

  return (
    <form method="get" className="filters" aria-label={t("learners.filters")}>
      {organisationId && <input type="hidden" name="etablissement" value={organisationId} />}
      <div className="field">
        <label htmlFor="q">{t("learners.search")}</label>
        <input id="q" name="q" type="text" defaultValue={filters.q ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="equipe">{t("learners.team")}</label>
        <select id="equipe" name="equipe" defaultValue={filters.equipe ?? ""}>
          <option value="">{t("learners.allTeams")}</option>
          {teams.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="statut">{t("learners.status")}</label>
        <select id="statut" name="statut" defaultValue={filters.statut ?? ""}>
          <option value="">{t("learners.allStatuses")}</option>
          {learnerStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="affectation">{t("learners.assignment")}</label>
        <select id="affectation" name="affectation" defaultValue={filters.affectation ?? ""}>
          <option value="">{t("learners.allAssignments")}</option>
          {assignments.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        {t("learners.apply")}
      </button>
    </form>
  );
}
