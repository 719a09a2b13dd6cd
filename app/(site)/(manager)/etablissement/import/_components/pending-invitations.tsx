import { getFormatter, getTranslations } from "next-intl/server";
import { FormOutcome } from "@/app/_components/form-feedback";
import type { EstablishmentInvitation } from "@/lib/invitations/list-invitations";
import { cancelInvitationAction } from "../actions";

type Props = { organisationId: string; invitations: EstablishmentInvitation[]; outcome?: string };

/** The establishment's unanswered invitations to existing accounts, each with "Annuler l'invitation". */
export async function PendingInvitations({ organisationId, invitations, outcome }: Props) {
  const [t, format] = await Promise.all([getTranslations("rosterImport.invitations"), getFormatter()]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "short" });

  return (
    <section className="section" aria-labelledby="invitations-en-attente">
      <h2 id="invitations-en-attente">{t("title")}</h2>
      <p>{t("intro")}</p>
      <FormOutcome
        ok={outcome === "annulee"}
        message={outcome === "annulee" ? t("cancelled") : outcome === "introuvable" ? t("notFound") : undefined}
        look="notice"
      />
      {invitations.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="audit-table">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("team")}</th>
                <th scope="col">{t("sentOn")}</th>
                <th scope="col">{t("expiresOn")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email ?? "—"}</td>
                  <td>{t(`roles.${invitation.role}`)}</td>
                  <td>{invitation.teamName ?? "—"}</td>
                  <td>{date(invitation.createdAt)}</td>
                  <td>
                    {invitation.isExpired
                      ? t("expired", { date: date(invitation.expiresAt) })
                      : date(invitation.expiresAt)}
                  </td>
                  <td>
                    <form action={cancelInvitationAction}>
                      <input type="hidden" name="organisationId" value={organisationId} />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <button
                        type="submit"
                        className="button button--quiet"
                        aria-label={t("cancelLabel", { email: invitation.email ?? "—" })}
                      >
                        {t("cancel")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
