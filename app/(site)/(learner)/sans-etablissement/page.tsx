import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isPlatformAdmin } from "@/lib/access/roles";
import { requireActor } from "@/lib/auth/guards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors.noEstablishment"))("metaTitle") };
}

/** Where the learner pages send a signed-in person who belongs to no establishment (a centre's admin). */
export default async function NoEstablishmentPage() {
  const actor = await requireActor("/modules");
  if (actor.memberships.some((m) => m.kind === "establishment")) redirect("/modules");
  const t = await getTranslations("errors.noEstablishment");
  const isCentreAdmin = isPlatformAdmin(actor);

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      {isCentreAdmin ? (
        <p>
          {t("admin")} <Link href="/centre/etablissements">{t("adminLink")}</Link>
        </p>
      ) : (
        <p>{t("learner")}</p>
      )}
      <p>
        <Link href="/">{t("home")}</Link>
      </p>
    </div>
  );
}
