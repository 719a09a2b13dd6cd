import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/_components/client-messages";
import type { SecondFactorStatus } from "@/lib/auth/second-factor/session-marks";
import { RenewRecoveryCodesForm } from "./renew-recovery-codes-form";

/** "Double authentification" on Mon compte: whether it is on, the recovery codes left, and their renewal. */
export async function SecondFactorSection({ status }: { status: SecondFactorStatus }) {
  const t = await getTranslations("secondFactor.account");

  return (
    <section className="section" aria-labelledby="double-authentification">
      <h2 id="double-authentification">{t("title")}</h2>
      {status.enrolled ? (
        <>
          <p>{t("on")}</p>
          <p>{t("codesLeft", { count: status.recoveryCodesLeft })}</p>
          <h3>{t("renewTitle")}</h3>
          <ClientMessages namespaces={["secondFactor"]}>
            <RenewRecoveryCodesForm />
          </ClientMessages>
        </>
      ) : (
        <>
          <p>{t("off")}</p>
          <p>
            <Link className="button" href="/double-authentification/activer?retour=%2Fmon-compte">
              {t("enrol")}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
