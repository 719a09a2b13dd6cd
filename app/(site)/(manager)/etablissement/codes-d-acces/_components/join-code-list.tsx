import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatJoinCode } from "@/lib/join/join-code-format";
import type { JoinCodeRow } from "@/lib/join/manage-join-codes";
import { setJoinCodeActiveAction } from "../actions";

type Props = { organisationId: string; codes: JoinCodeRow[]; baseUrl: string };

/** One card per code: what it is for, its state, its link and poster, and the switch to turn it off or on. */
export async function JoinCodeList({ organisationId, codes, baseUrl }: Props) {
  const [t, format] = await Promise.all([getTranslations("joinCodes"), getFormatter()]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });

  return (
    <ul className="mailbox-list join-codes">
      {codes.map((code) => {
        const shown = formatJoinCode(code.code);
        const link = new URL(`/rejoindre/${shown}`, baseUrl).toString();

        return (
          <li key={code.id} className="join-code">
            <p className="join-code__code">{shown}</p>
            <p>
              {code.teamName ? t("forTeam", { name: code.teamName }) : t("forEstablishment")} ·{" "}
              {code.isActive ? (
                <strong>{t("active")}</strong>
              ) : (
                t("disabled", { date: date(code.disabledAt ?? code.createdAt) })
              )}
            </p>
            <p>
              {t("createdOn", { date: date(code.createdAt) })} · {t("joined", { count: code.joined })}
            </p>
            <p className="join-code__link">
              {t("link")} : <code>{link}</code>
            </p>
            <div className="team-row">
              <Link href={`/etablissement/codes-d-acces/${code.id}/affiche?etablissement=${organisationId}`}>
                {t("poster")}
                <span className="visually-hidden"> ({t("codeLabel", { code: shown })})</span>
              </Link>
              <form action={setJoinCodeActiveAction}>
                <input type="hidden" name="organisationId" value={organisationId} />
                <input type="hidden" name="joinCodeId" value={code.id} />
                <input type="hidden" name="isActive" value={code.isActive ? "false" : "true"} />
                <button type="submit" className="button button--quiet">
                  {code.isActive ? t("disable") : t("enable")}
                  <span className="visually-hidden"> ({t("codeLabel", { code: shown })})</span>
                </button>
              </form>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
