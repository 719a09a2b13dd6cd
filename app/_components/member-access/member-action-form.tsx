"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import "./member-access.css";
import { changeMemberRoleAction, removeMemberAction, resetSecondFactorAction, setAccountActiveAction } from "./actions";

const ACTIONS = {
  role: changeMemberRoleAction,
  remove: removeMemberAction,
  active: setAccountActiveAction,
  secondFactor: resetSecondFactorAction,
};

export type Confirmation = { question: string; yes: string; no: string };

type Props = {
  kind: keyof typeof ACTIONS;
  /** The hidden fields: userId, organisationId, and role or isActive. */
  fields: Record<string, string>;
  label: string;
  /** For what withdraws access: the button first asks, and only "yes" submits. */
  confirm?: Confirmation;
};

/**
 * One access change on a member (role, membership, account), with its outcome announced. The
 * page re-renders with the new state and the same form, whose message stays; a removal is done
 * once (the person is no longer a member there), so its button stays disabled afterwards.
 */
export function MemberActionForm({ kind, fields, label, confirm }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(ACTIONS[kind], {});
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  const cancel = () => {
    setAsking(false);
    requestAnimationFrame(() => opener.current?.focus());
  };

  return (
    <form action={action} className="member-action">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm && !asking && (
        <button
          ref={opener}
          type="button"
          className="button button--secondary"
          disabled={pending || (kind === "remove" && state.ok)}
          aria-expanded={false}
          onClick={() => setAsking(true)}
        >
          {label}
        </button>
      )}
      {confirm && asking && (
        <div role="group" aria-labelledby={`${id}-question`} className="member-action__confirm">
          <p id={`${id}-question`} ref={question} tabIndex={-1}>
            {confirm.question}
          </p>
          <button
            type="submit"
            className="button"
            disabled={pending}
            onClick={() => requestAnimationFrame(() => setAsking(false))}
          >
            {confirm.yes}
            <span className="visually-hidden"> : {label}</span>
          </button>
          <button type="button" className="button button--quiet" onClick={cancel}>
            {confirm.no}
          </button>
        </div>
      )}
      {!confirm && (
        <button type="submit" className="button button--secondary" disabled={pending}>
          {label}
        </button>
      )}
      <FormOutcome ok={state.ok} message={state.message} reauthenticate={state.reauthenticate} look="notice" />
    </form>
  );
}
