import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { FormOutcome } from "@/app/_components/form-feedback";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/guards";
import { listMyInvitations } from "@/lib/invitations/list-invitations";
import { respondToInvitationAction } from "./actions";

type Props = { searchParams: Promise<{ reponse?: string }> };

/** What the answer came to: its sentence, and whether it went through. */
const outcomes = {
  acceptee: ["accepted", true],
  refusee: ["declined", true],
  invalide: ["gone", false],
} as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("memberships.invitations"))("title") };
}

/** The person's own pending invitations, answered while signed in as themselves (the mail's link leads here). */
export default async function InvitationsPage({ searchParams }: Props) {
  const [actor, { reponse }, t, format] = await Promise.all([
    requireActor("/invitations"),
    searchParams,
    getTranslations("memberships.invitations"),
    getFormatter(),
  ]);
  const { db } = await getDb();
  const invitations = await listMyInvitations(db, { actor });
  const outcome = reponse && reponse in outcomes ? outcomes[reponse as keyof typeof outcomes] : null;

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <FormOutcome ok={outcome?.[1]} message={outcome ? t(outcome[0]) : undefined} look="notice" />
      {invitations.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="invitation-list">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="card">
              <p>
                <strong>
                  {t(invitation.role === "manager" ? "asManager" : "asLearner", { name: invitation.organisationName })}
                </strong>
              </p>
              {invitation.teamName && <p>{t("team", { team: invitation.teamName })}</p>}
              <p className="hint">
                {t("expires", { date: format.dateTime(invitation.expiresAt, { dateStyle: "long" }) })}
              </p>
              <form action={respondToInvitationAction} className="hero__actions">
                <input type="hidden" name="invitationId" value={invitation.id} />
                <button
                  type="submit"
                  name="answer"
                  value="accept"
                  className="button"
                  aria-label={t("acceptLabel", { name: invitation.organisationName })}
                >
                  {t("accept")}
                </button>
                <button
                  type="submit"
                  name="answer"
                  value="decline"
                  className="button button--secondary"
                  aria-label={t("declineLabel", { name: invitation.organisationName })}
                >
                  {t("decline")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
