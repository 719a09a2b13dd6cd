import type { InputHTMLAttributes, ReactNode } from "react";

type Reauthenticate = { path: string; label: string };

/**
 * A failure's live region, announced at once (role=alert): on the page before anything is shown
 * in it, as a region that appears with its text is not announced. With the link to confirm one's
 * identity when the action asks for it (lib/access/recent-auth.ts), and `children` after the
 * message (a link to follow).
 */
export function FormMessage({
  message,
  reauthenticate,
  className = "form-message",
  children,
}: {
  message?: string;
  reauthenticate?: Reauthenticate;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div role="alert" aria-live="assertive" className={message ? className : undefined}>
      {message}
      {reauthenticate && (
        <>
          {" "}
          <a href={reauthenticate.path}>{reauthenticate.label}</a>
        </>
      )}
      {message && children}
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

/**
 * How an outcome looks: a callout under a form, a notice, or a short line beside a button in a
 * list or a table.
 */
const LOOKS = {
  callout: { success: "callout", failure: "form-message" },
  notice: { success: "form-notice", failure: "form-message" },
  inline: { success: "hint", failure: "field-error" },
} as const;

/**
 * What a form's action came to, for forms that stay on the page: a failure announced at once
 * (role=alert), a success politely (role=status), in two regions always on the page. The one
 * place that gives an outcome its role. `children` follow the message in its region (the link
 * made, a link to follow).
 */
export function FormOutcome({
  ok,
  message,
  reauthenticate,
  look = "callout",
  children,
}: {
  ok?: boolean;
  message?: string;
  reauthenticate?: Reauthenticate;
  look?: keyof typeof LOOKS;
  children?: ReactNode;
}) {
  const { success, failure } = LOOKS[look];

  return (
    <div>
      <FormMessage
        message={ok ? undefined : message}
        reauthenticate={ok ? undefined : reauthenticate}
        className={failure}
      >
        {children}
      </FormMessage>
      <div role="status" aria-live="polite">
        {ok && message && <p className={success}>{message}</p>}
        {ok && message && children}
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
