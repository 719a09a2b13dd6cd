import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/_components/client-messages";
import { requireLearner } from "@/lib/auth/guards";
import { ReportForm } from "./_components/report-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("suspectReport"))("title") };
}

/**
 * "Signaler un message suspect", for any signed-in member of an establishment: the report goes to
 * the security contact of the establishment they work in now (one with several chooses it first,
 * as everywhere), unless it is their own exercise message.
 */
export default async function ReportSuspectMessagePage() {
  const [{ membership }, t] = await Promise.all([
    requireLearner("/signaler-un-message"),
    getTranslations("suspectReport"),
  ]);

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p>{t("destination", { establishment: membership.organisationName })}</p>
      <ClientMessages namespaces={["suspectReport"]}>
        <ReportForm />
      </ClientMessages>
    </>
  );
}
