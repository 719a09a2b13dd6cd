import { getTranslations } from "next-intl/server";
import type { Role } from "@/db/schema";
import { MemberActionForm } from "@/app/_components/member-access/member-action-form";

type Props = {
  userId: string;
  name: string;
  isActive: boolean;
  memberOf: { organisationId: string; name: string; kind: string; role: Role }[];
  /** The admin's own account: nobody withdraws their own access. */
  isSelf: boolean;
};

/**
 * A platform admin's view of a person's access in the centre: each membership with its role
 * change or withdrawal (admin rights included), and the account. lib/access decides; the centre's
 * last admin is refused there.
 */
export async function PersonAccess({ userId, name, isActive, memberOf, isSelf }: Props) {
  const [t, tReset] = await Promise.all([getTranslations("memberAccess"), getTranslations("secondFactor.reset")]);
  const ask = (question: string) => ({ question, yes: t("confirm"), no: t("cancel") });

  return (
    <section className="section card" aria-labelledby="acces">
      <h2 id="acces">{t("adminTitle")}</h2>
      <p>{t("adminIntro")}</p>
      <p>{isActive ? t("accountActive") : t("accountInactive")}</p>
      {memberOf.length === 0 && <p>{t("noMembership")}</p>}
      <ul className="member-list">
        {memberOf.map((m) => {
          const fields = { userId, organisationId: m.organisationId };
          return (
            <li key={m.organisationId}>
              <p>{t("membership", { organisation: m.name, role: m.role })}</p>
              {!isSelf && (
                <div className="member-actions">
                  {m.kind === "establishment" && m.role !== "admin" && (
                    <MemberActionForm
                      kind="role"
                      fields={{ ...fields, role: m.role === "learner" ? "manager" : "learner" }}
                      label={m.role === "learner" ? t("makeManager") : t("makeLearner")}
                      confirm={m.role === "learner" ? undefined : ask(t("makeLearnerConfirm", { name }))}
                    />
                  )}
                  {m.role === "admin" ? (
                    <MemberActionForm
                      kind="remove"
                      fields={fields}
                      label={t("removeAdmin")}
                      confirm={ask(t("removeAdminConfirm", { name, organisation: m.name }))}
                    />
                  ) : (
                    <MemberActionForm
                      kind="remove"
                      fields={fields}
                      label={t("remove")}
                      confirm={ask(t("removeConfirm", { name, organisation: m.name }))}
                    />
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {!isSelf && (
        <>
          <h3>{tReset("title")}</h3>
          <p>{tReset("body")}</p>
          <div className="member-actions">
            <MemberActionForm
              kind="secondFactor"
              fields={{ userId }}
              label={tReset("submit")}
              confirm={ask(`${tReset("submit")} (${name}) ?`)}
            />
          </div>
        </>
      )}
      {!isSelf && (
        <div className="member-actions">
          <MemberActionForm
            kind="active"
            fields={{ userId, organisationId: memberOf[0]?.organisationId ?? "", isActive: String(!isActive) }}
            label={isActive ? t("deactivate") : t("reactivate")}
            confirm={isActive ? ask(t("deactivateConfirm", { name })) : undefined}
          />
        </div>
      )}
    </section>
  );
}
