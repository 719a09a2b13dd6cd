import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlatformAdminPage } from "@/lib/access/page-guards";
import { findPerson } from "@/lib/privacy/find-person";
import { EraseForm } from "./_components/erase-form";
import { PersonAccess } from "./_components/person-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyAdmin"))("title") };
}

export default async function PeopleAdminPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const actor = await requirePlatformAdminPage("/centre/personnes");
  const [{ email }, t, { db }] = await Promise.all([searchParams, getTranslations("privacyAdmin"), getDb()]);
  const person = email ? await findPerson(db, actor, email) : null;

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <form method="get" className="form">
        <div className="field">
          <label htmlFor="email">{t("searchLabel")}</label>
          <input
            id="email"
            name="email"
            type="text"
            autoComplete="off"
            spellCheck={false}
            defaultValue={email ?? ""}
            required
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t("search")}
        </button>
      </form>
      {email && !person && <p role="status">{t("noOne")}</p>}
      {person && (
        <section className="section card" aria-labelledby="personne">
          <h2 id="personne">{person.name}</h2>
          <p>{person.email ?? person.username}</p>
          <p>{person.memberships.join(", ")}</p>
          <p>{t("consequences")}</p>
          <EraseForm email={person.login} />
        </section>
      )}
      {person && (
        <PersonAccess
          userId={person.id}
          name={person.name ?? person.login}
          isActive={person.isActive}
          memberOf={person.memberOf}
          isSelf={person.id === actor.userId}
        />
      )}
    </div>
  );
}
