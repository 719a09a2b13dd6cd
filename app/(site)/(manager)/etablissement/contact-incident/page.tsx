import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireManagerPage } from "@/lib/access/page-guards";
import { getIncidentContact } from "@/lib/incident/get-incident-contact";
import { EstablishmentPicker } from "../_components/establishment-picker";
import { IncidentContactForm } from "./_components/incident-contact-form";

type Props = { searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incident.contactForm"))("title"), robots: { index: false } };
}

/** For managers (and platform admins): the RSSI that staff see first on the incident page. */
export default async function IncidentContactPage({ searchParams }: Props) {
  const [{ etablissement }, t] = await Promise.all([searchParams, getTranslations("incident.contactForm")]);
  // Another establishment's id is not found, never silently replaced by one of the actor's own.
  const {
    db,
    establishment: selected,
    establishments,
  } = await requireManagerPage("/etablissement/contact-incident", etablissement);
  const contact = await getIncidentContact(db, selected.id);
  const labels = {
    name: t("name"),
    nameHint: t("nameHint"),
    phone: t("phone"),
    phoneHint: t("phoneHint"),
    email: t("email"),
    submit: t("submit"),
    submitting: t("submitting"),
  };

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {establishments.length > 1 ? (
        <EstablishmentPicker establishments={establishments} selectedId={selected.id} />
      ) : (
        <p>{t("editing", { name: selected.name })}</p>
      )}
      <IncidentContactForm
        key={selected.id}
        organisationId={selected.id}
        initial={{ name: contact?.name ?? "", phone: contact?.phone ?? "", email: contact?.email ?? "" }}
        labels={labels}
      />
      <p className="section">
        <Link href="/signaler-un-incident">{t("viewPage")}</Link>
      </p>
    </div>
  );
}
