import { getTranslations } from "next-intl/server";
import type { CurrentEstablishment } from "@/lib/auth/current-establishment";
import type { ActorMembership } from "@/lib/auth/load-actor";
import { chooseEstablishment } from "../actions";

type Props = { establishments: ActorMembership[]; current: CurrentEstablishment };

/**
 * The header's choice of the current establishment, for people who belong to several: a plain
 * form (works without JavaScript), the page re-rendering in the chosen establishment.
 */
export async function EstablishmentSwitcher({ establishments, current }: Props) {
  const t = await getTranslations("memberships.switcher");
  const selected = current.status === "chosen" ? current.membership.organisationId : "";

  return (
    // Keyed by the choice: React resets a form after its action, and a fresh one resets to the new choice.
    <form key={selected} action={chooseEstablishment} className="establishment-switcher">
      <label htmlFor="etablissement-actuel">{t("label")}</label>
      <select id="etablissement-actuel" name="organisationId" defaultValue={selected} required>
        {!selected && (
          <option value="" disabled>
            {t("choose")}
          </option>
        )}
        {establishments.map((m) => (
          <option key={m.organisationId} value={m.organisationId}>
            {m.organisationName}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--quiet">
        {t("submit")}
      </button>
    </form>
  );
}
