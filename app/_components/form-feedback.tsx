/** A form's message for everyone, announced by screen readers when it appears. */
export function FormMessage({ message }: { message?: string }) {
  return (
    <div role="alert" aria-live="assertive" className={message ? "form-message" : undefined}>
      {message}
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
