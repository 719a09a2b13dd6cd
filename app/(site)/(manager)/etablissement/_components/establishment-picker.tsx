import { getTranslations } from "next-intl/server";
import type { ManagedEstablishment } from "@/lib/access/managed-establishments";

type Props = { establishments: ManagedEstablishment[]; selectedId: string };

/** A plain GET form, so that choosing another establishment works with the keyboard and without JavaScript. */
export async function EstablishmentPicker({ establishments, selectedId }: Props) {
  const t = await getTranslations("managerReports");

  return (
    <form method="get" className="form establishment-picker">
      <div className="field">
        <label htmlFor="etablissement">{t("establishment")}</label>
        <select id="etablissement" name="etablissement" defaultValue={selectedId}>
          {establishments.map((establishment) => (
            <option key={establishment.id} value={establishment.id}>
              {establishment.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        {t("show")}
      </button>
    </form>
  );
}
