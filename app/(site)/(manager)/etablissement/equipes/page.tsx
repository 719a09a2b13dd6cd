import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireManagerPage } from "@/lib/access/page-guards";
import { listTeams } from "@/lib/organisations/manage-teams";
import { EstablishmentPicker } from "../_components/establishment-picker";
import { CreateTeamForm } from "./_components/create-team-form";
import { DeleteTeamForm } from "./_components/delete-team-form";

type Props = { searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teams"))("title") };
}

export default async function TeamsPage({ searchParams }: Props) {
  const [{ etablissement }, t] = await Promise.all([searchParams, getTranslations("teams")]);
  // Another establishment's id is not found, never silently replaced by one of the actor's own.
  const {
    actor,
    db,
    establishment: selected,
    establishments,
  } = await requireManagerPage("/etablissement/equipes", etablissement);
  const teams = await listTeams(db, { actor, organisationId: selected.id });

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      {establishments.length > 1 && <EstablishmentPicker establishments={establishments} selectedId={selected.id} />}
      <p className="lead">{t("intro", { name: selected.name })}</p>
      {teams.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="mailbox-list">
          {teams.map((team) => (
            <li key={team.id} className="team-row">
              <span>
                <strong>{team.name}</strong> — {t("members", { count: team.members })}
              </span>
              <DeleteTeamForm organisationId={selected.id} teamId={team.id} teamName={team.name} />
            </li>
          ))}
        </ul>
      )}
      <section className="section" aria-labelledby="nouvelle-equipe">
        <h2 id="nouvelle-equipe">{t("addTitle")}</h2>
        <CreateTeamForm organisationId={selected.id} />
      </section>
    </div>
  );
}
