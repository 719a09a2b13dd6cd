import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/app/_components/print-button";
import { requireManagerPage } from "@/lib/access/page-guards";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/http/public-origin";
import { formatJoinCode } from "@/lib/join/join-code-format";
import { getJoinCode } from "@/lib/join/manage-join-codes";
import { qrCodePath } from "@/lib/join/qr-code-path";
import "../../join-codes.css";

type Props = { params: Promise<{ joinCodeId: string }>; searchParams: Promise<{ etablissement?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("joinCodes"))("poster") };
}

const QUIET_ZONE = 4;

/** A poster for the ward: the QR code to the join page, its address and the code, printable on A4. */
export default async function JoinCodePosterPage({ params, searchParams }: Props) {
  const [{ joinCodeId }, { etablissement }, t] = await Promise.all([
    params,
    searchParams,
    getTranslations("joinCodes"),
  ]);
  // Without ?etablissement= the page acts on the current establishment, or the only one; a manager
  // of several with no current one chooses first (requireManagerPage), as on every manager page.
  const { actor, db, establishment } = await requireManagerPage(
    `/etablissement/codes-d-acces/${encodeURIComponent(joinCodeId)}/affiche`,
    etablissement,
  );
  const code = await getJoinCode(db, { actor, organisationId: establishment.id, joinCodeId }).catch(
    (error: unknown) => {
      if (error instanceof AppError) notFound();
      throw error;
    },
  );
  const shown = formatJoinCode(code.code);
  const url = new URL(`/rejoindre/${shown}`, publicOrigin()).toString();
  const qr = qrCodePath(url);
  const box = qr.size + 2 * QUIET_ZONE;

  return (
    <>
      <p className="no-print">
        <Link href={`/etablissement/codes-d-acces?etablissement=${establishment.id}`}>{t("back")}</Link>
      </p>
      {!code.isActive && <p className="callout callout--alert no-print">{t("posterDisabled")}</p>}
      <article className="join-poster">
        <p className="eyebrow">{establishment.name}</p>
        {code.teamName && <p>{t("posterTeam", { name: code.teamName })}</p>}
        <h1>{t("posterTitle")}</h1>
        <p className="lead">{t("posterLead")}</p>
        <svg
          className="join-poster__qr"
          viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}`}
          role="img"
          aria-label={t("posterQr")}
          shapeRendering="crispEdges"
        >
          <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={box} height={box} fill="#fff" />
          <path d={qr.d} fill="#000" />
        </svg>
        <ol>
          <li>
            {t("posterStep1")} <span className="join-poster__url">{url}</span>
          </li>
          <li>
            {t("posterStep2")} <span className="join-poster__code">{shown}</span>
          </li>
          <li>{t("posterStep3")}</li>
        </ol>
        <p>
          <PrintButton label={t("print")} />
        </p>
      </article>
    </>
  );
}
