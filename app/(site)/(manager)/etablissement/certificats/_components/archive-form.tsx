import { getTranslations } from "next-intl/server";
import { courseSubjectValue } from "@/lib/courses/course-subject";
import type { Catalogue } from "@/lib/courses/types";
import type { ManagedEstablishment } from "@/lib/access/managed-establishments";

type Props = { establishments: ManagedEstablishment[]; catalogue: Catalogue };

/** A plain GET form to the ZIP route: the browser downloads the file, no JavaScript needed. */
export async function ArchiveForm({ establishments, catalogue }: Props) {
  const t = await getTranslations("managerCertificates.archive");
  const only = establishments.length === 1 ? establishments[0] : undefined;

  return (
    <section aria-labelledby="archive-title" className="card">
      <h2 id="archive-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <form method="get" action="/etablissement/certificats/archive" className="form">
        {only ? (
          <input type="hidden" name="etablissement" value={only.id} />
        ) : (
          <div className="field">
            <label htmlFor="archive-establishment">{t("establishment")}</label>
            <select id="archive-establishment" name="etablissement">
              {establishments.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="archive-subject">{t("subject")}</label>
          <select id="archive-subject" name="sujet" defaultValue="">
            <option value="">{t("allSubjects")}</option>
            {catalogue.paths.map((p) => (
              <option key={p.id} value={courseSubjectValue("path", p.id)}>
                {t("path", { title: p.title })}
              </option>
            ))}
            {catalogue.modules.map((m) => (
              <option key={m.id} value={courseSubjectValue("module", m.id)}>
                {t("module", { title: m.title })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="archive-from">{t("from")}</label>
          <input id="archive-from" name="du" type="date" />
        </div>
        <div className="field">
          <label htmlFor="archive-to">{t("to")}</label>
          <input id="archive-to" name="au" type="date" />
        </div>
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
