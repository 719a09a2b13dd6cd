import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { frenchPhoneHref } from "@/lib/incident/french-phone";
import type { IncidentContact } from "@/lib/incident/get-incident-contact";

type Props = {
  establishment: { name: string; contact: IncidentContact } | null;
  isSignedIn: boolean;
  mustChoose?: boolean;
};

/** The first person to call: the visitor's own RSSI when their establishment has set one. */
export async function EstablishmentContact({ establishment, isSignedIn, mustChoose = false }: Props) {
  const t = await getTranslations("incident.contact");

  if (!establishment) {
    return (
      <section className="incident-first" aria-labelledby="votre-contact">
        <h2 id="votre-contact">{t("firstTitle")}</h2>
        <p>{t("unknown")}</p>
        {mustChoose && (
          <p className="no-print">
            <Link href="/choisir-etablissement?retour=%2Fsignaler-un-incident">{t("choose")}</Link>
          </p>
        )}
        {!isSignedIn && (
          <p className="no-print">
            <Link href="/connexion?retour=%2Fsignaler-un-incident">{t("signIn")}</Link>
          </p>
        )}
      </section>
    );
  }

  const { name, contact } = establishment;
  const phoneHref = frenchPhoneHref(contact.phone);

  return (
    <section className="incident-first" aria-labelledby="votre-contact">
      <h2 id="votre-contact">{t("yourRssi", { name: contact.name })}</h2>
      <p className="incident-first__establishment">{name}</p>
      <ul className="contact-lines">
        <li>
          {t("phone")} {phoneHref ? <a href={phoneHref}>{contact.phone}</a> : contact.phone}
        </li>
        <li>
          {t("email")} <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </li>
      </ul>
    </section>
  );
}
