import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import type { CurrentEstablishment } from "@/lib/auth/current-establishment";
import { getCurrentEstablishment } from "@/lib/auth/guards";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { getIncidentContact } from "@/lib/incident/get-incident-contact";
import { incidentGuidance } from "@/lib/incident/incident-guidance";
import { DontsList } from "./_components/donts-list";
import { EstablishmentContact } from "./_components/establishment-contact";
import { HelpContacts } from "./_components/help-contacts";
import { IncidentSteps } from "./_components/incident-steps";
import { OtherCases } from "./_components/other-cases";
import { PrintButton } from "@/app/_components/print-button";
import { TodosList } from "./_components/todos-list";
import "./incident-sheet.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incident"))("title") };
}

/** Public: anyone may need it, signed in or not; a signed-in member also sees their establishment's RSSI. */
export default async function IncidentPage() {
  const [signedIn, locale, t] = await Promise.all([
    getCurrentEstablishment(),
    getLocale(),
    getTranslations("incident"),
  ]);
  const guidance = incidentGuidance[isLocale(locale) ? locale : defaultLocale];
  const establishment = await establishmentContact(signedIn?.current);
  const module = getCatalogue().moduleById.get(guidance.moduleId);

  return (
    <article className="incident-sheet" aria-labelledby="incident-title">
      <header className="incident-sheet__header">
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1 id="incident-title">{t("title")}</h1>
        <p className="lead">{t("lead")}</p>
        <PrintButton label={t("print")} />
      </header>

      <EstablishmentContact
        establishment={establishment}
        isSignedIn={signedIn !== null}
        mustChoose={signedIn?.current.status === "choose"}
      />
      <TodosList todos={guidance.todos} />
      <DontsList donts={guidance.donts} />
      <OtherCases cases={guidance.otherCases} />
      <IncidentSteps steps={guidance.steps} />
      <HelpContacts contacts={guidance.contacts} />

      {module && (
        <p className="incident-sheet__module no-print">
          {t("module.text")} <Link href={`/modules/${module.id}`}>{t("module.link", { title: module.title })}</Link>
        </p>
      )}
    </article>
  );
}

// The contact of the establishment the person works in now: never one picked by name order.
async function establishmentContact(current: CurrentEstablishment | undefined) {
  if (current?.status !== "chosen") return null;
  const { membership } = current;
  const { db } = await getDb();
  const contact = await getIncidentContact(db, membership.organisationId);

  return contact && { name: membership.organisationName, contact };
}
