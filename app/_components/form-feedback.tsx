import type { InputHTMLAttributes } from "react";

type Reauthenticate = { path: string; label: string };

/**
 * A form's message for everyone, announced by screen readers when it appears; with the link to
 * confirm one's identity when the action asks for it (lib/access/recent-auth.ts).
 */
export function FormMessage({ message, reauthenticate }: { message?: string; reauthenticate?: Reauthenticate }) {
  return (
    <div role="alert" aria-live="assertive" className={message ? "form-message" : undefined}>
      {message}
      {reauthenticate && (
        <>
          {" "}
          <a href={reauthenticate.path}>{reauthenticate.label}</a>
        </>
      )}
    </div>
  );
}

/** One field's errors, tied to the field by aria-describedby. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;

  return (
    <p id={id} className="field-error">
      {errors.join(" ")}
    </p>
  );
}

/** A success message announced politely, or a failure announced at once (forms that stay on the page). */
export function FormOutcome({
  ok,
  message,
  reauthenticate,
}: {
  ok?: boolean;
  message?: string;
  reauthenticate?: Reauthenticate;
}) {
  return (
    <div>
      <FormMessage message={ok ? undefined : message} reauthenticate={ok ? undefined : reauthenticate} />
      <div role="status" aria-live="polite">
        {ok && <p className="callout">{message}</p>}
      </div>
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "aria-invalid" | "aria-describedby"> & {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
};

/**
 * A labelled input with its hint and errors, both tied to it by aria-describedby, and marked
 * invalid while it has errors. `name` defaults to the id.
 */
export function TextField({ id, label, hint, errors, name, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ");

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      <input
        id={id}
        name={name ?? id}
        {...input}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
