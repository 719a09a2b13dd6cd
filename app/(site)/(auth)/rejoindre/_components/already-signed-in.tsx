import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(site)/(auth)/connexion/actions";

/**
 * A join code only creates accounts: a code on a ward poster proves too little to move an
 * existing account (perhaps a manager elsewhere) into another establishment.
 */
export async function AlreadySignedIn({ name }: { name: string }) {
  const t = await getTranslations("join");

  return (
    <section aria-labelledby="deja-connecte">
      <h2 id="deja-connecte">{t("signedIn.title")}</h2>
      <p>{t("signedIn.body", { name })}</p>
      <p className="hero__actions">
        <Link href="/modules" prefetch={false} className="button">
          {t("signedIn.modules")}
        </Link>
      </p>
      <form action={signOutAction}>
        <button type="submit" className="button button--secondary">
          {t("signedIn.signOut")}
        </button>
      </form>
    </section>
  );
}
