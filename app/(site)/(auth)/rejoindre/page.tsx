import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/guards";
import { AlreadySignedIn } from "./_components/already-signed-in";
import { JoinCodeForm } from "./_components/join-code-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("join"))("title"), robots: { index: false } };
}

export default async function JoinPage() {
  const [actor, t] = await Promise.all([getActor(), getTranslations("join")]);

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      {actor ? (
        <AlreadySignedIn name={actor.name} />
      ) : (
        <>
          <p className="lead">{t("intro")}</p>
          <JoinCodeForm />
          <p>
            {t("haveAccount")} <Link href="/connexion">{t("signIn")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
