import { getTranslations } from "next-intl/server";
import type { Role } from "@/db/schema";
import { MemberActionForm } from "@/app/_components/member-access/member-action-form";

type Props = {
  userId: string;
  /** The member's name (or e-mail), as the database has it. */
  name: string;
  organisationId: string;
  organisationName: string;
  role: Role;
  isActive: boolean;
  /** Whether the account belongs only to establishments the actor manages (else it cannot be deactivated here). */
  isWhollyInScope: boolean;
  /** The manager's own page: nobody withdraws their own access. */
  isSelf: boolean;
};

/**
 * What a manager can change of a member's access: role, membership, account. The domain decides
 * (lib/access/member-scope.ts); this only leaves out what can never apply.
 */
export async function MemberAccess({
  userId,
  name,
  organisationId,
  organisationName,
  role,
  isActive,
  isWhollyInScope,
  isSelf,
}: Props) {
  const [t, tr, tReset] = await Promise.all([
    getTranslations("memberAccess"),
    getTranslations("managerReports.learner"),
    getTranslations("secondFactor.reset"),
  ]);
  const fields = { userId, organisationId };
  const ask = (question: string) => ({ question, yes: t("confirm"), no: t("cancel") });

  return (
    <>
      <p>{isActive ? tr("active") : tr("inactive")}</p>
      <p>{t("role", { role })}</p>
      {!isSelf && (
        <div className="member-actions">
          {role !== "admin" && (
            <MemberActionForm
              kind="role"
              fields={{ ...fields, role: role === "learner" ? "manager" : "learner" }}
              label={role === "learner" ? t("makeManager") : t("makeLearner")}
              confirm={role === "learner" ? undefined : ask(t("makeLearnerConfirm", { name }))}
            />
          )}
          <MemberActionForm
            kind="remove"
            fields={fields}
            label={t("remove")}
            confirm={ask(t("removeConfirm", { name, organisation: organisationName }))}
          />
          {isWhollyInScope && (
            <MemberActionForm
              kind="active"
              fields={{ ...fields, isActive: String(!isActive) }}
              label={isActive ? t("deactivate") : t("reactivate")}
              confirm={isActive ? ask(t("deactivateConfirm", { name })) : undefined}
            />
          )}
          {!isWhollyInScope && <p className="hint">{t("sharedAccount")}</p>}
        </div>
      )}
      {/* A lost second factor: only for an account that belongs to this manager's establishments alone. */}
      {!isSelf && isWhollyInScope && (
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
    </>
  );
}
