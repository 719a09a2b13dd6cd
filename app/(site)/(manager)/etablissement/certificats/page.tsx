import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireManagerPage } from "@/lib/access/page-guards";
import { EstablishmentPicker } from "../_components/establishment-picker";
import { listOrganisationCertificates } from "@/lib/certificates/list-organisation-certificates";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { ArchiveForm } from "./_components/archive-form";
import { RevokeForm } from "./_components/revoke-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("managerCertificates"))("title") };
}

type Props = { searchParams: Promise<{ etablissement?: string; recherche?: string }> };

export default async function ManagerCertificatesPage({ searchParams }: Props) {
  const [{ etablissement, recherche }, t, format] = await Promise.all([
    searchParams,
    getTranslations("managerCertificates"),
    getFormatter(),
  ]);
  const search = typeof recherche === "string" ? recherche.trim().slice(0, 100) : "";
  const { db, establishment, establishments } = await requireManagerPage("/etablissement/certificats", etablissement);
  // The establishment the page acts on (named, current or only one): never several at once, never another's.
  const list = await listOrganisationCertificates(db, [establishment.id], { search });
  const date = (value: Date) => format.dateTime(value, { day: "2-digit", month: "2-digit", year: "numeric" });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {establishments.length > 1 && (
        <EstablishmentPicker establishments={establishments} selectedId={establishment.id} />
      )}
      <ArchiveForm establishments={[establishment]} catalogue={getCatalogue()} />
      <form method="get" role="search" className="certificate-search" aria-label={t("search.label")}>
        {etablissement && <input type="hidden" name="etablissement" value={etablissement} />}
        <div className="field">
          <label htmlFor="certificate-search">{t("search.label")}</label>
          <input
            id="certificate-search"
            name="recherche"
            type="search"
            defaultValue={search}
            maxLength={100}
            aria-describedby="certificate-search-hint"
          />
          <p id="certificate-search-hint" className="hint">
            {t("search.hint")}
          </p>
        </div>
        <button type="submit" className="button button--secondary">
          {t("search.submit")}
        </button>
        {search && (
          <a href={etablissement ? `?etablissement=${encodeURIComponent(etablissement)}` : "?"}>{t("search.clear")}</a>
        )}
      </form>
      {search ? (
        <p role="status">{t("search.results", { count: list.length, search })}</p>
      ) : (
        list.length === 0 && <p>{t("empty")}</p>
      )}
      <ul className="certificate-list">
        {list.map((certificate) => {
          const label = `${certificate.learnerName}, ${certificate.subjectTitle}`;
          return (
            <li key={certificate.id} className="card">
              <h2>{certificate.learnerName}</h2>
              <p>
                {certificate.subjectTitle} — {certificate.organisationName} — {date(certificate.completedAt)}
              </p>
              <p className="certificate-code">{certificate.code}</p>
              {certificate.revokedAt ? (
                <p className="field-error">
                  {t("revokedOn", { date: date(certificate.revokedAt), reason: certificate.revokedReason ?? "" })}
                </p>
              ) : (
                <RevokeForm certificateId={certificate.id} label={label} />
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
