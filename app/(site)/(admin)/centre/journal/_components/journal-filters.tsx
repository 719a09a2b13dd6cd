import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { journalActions, messageKeyOf } from "@/lib/audit/journal-actions";
import { type JournalFilterErrors, type JournalFilterField, PERSON_FILTER_MAX } from "@/lib/audit/journal-filters";

type Props = {
  /** What the URL holds, shown back as typed (even when it is wrong). */
  typed: Partial<Record<JournalFilterField, string>>;
  errors: JournalFilterErrors;
};

/** A plain GET form: the filters live in the URL, so a filtered journal is a link. */
export async function JournalFilters({ typed, errors }: Props) {
  const t = await getTranslations("audit");
  const error = (field: JournalFilterField) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);
  const filtered = Object.values(typed).some(Boolean);

  return (
    <form method="get" action="/centre/journal" className="audit-filter" aria-label={t("filters")}>
      <div className="field">
        <label htmlFor="journal-action">{t("filter")}</label>
        <select
          id="journal-action"
          name="action"
          defaultValue={typed.action ?? ""}
          aria-invalid={errors.action ? true : undefined}
          aria-describedby={describedBy("action", error("action"))}
        >
          <option value="">{t("all")}</option>
          {journalActions.map((value) => (
            <option key={value} value={value}>
              {t(`actions.${messageKeyOf(value)}`)}
            </option>
          ))}
        </select>
        <FilterError field="action" error={error("action")} />
      </div>
      <FilterInput
        field="person"
        name="personne"
        type="text"
        label={t("person")}
        hint={t("personHint")}
        value={typed.person}
        error={error("person")}
        maxLength={PERSON_FILTER_MAX}
      />
      <FilterInput field="from" name="du" type="date" label={t("from")} value={typed.from} error={error("from")} />
      <FilterInput field="to" name="au" type="date" label={t("to")} value={typed.to} error={error("to")} />
      <button type="submit" className="button button--secondary">
        {t("apply")}
      </button>
      {filtered ? <Link href="/centre/journal">{t("reset")}</Link> : null}
    </form>
  );
}

type FilterInputProps = {
  field: JournalFilterField;
  name: string;
  type: "text" | "date";
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  maxLength?: number;
};

/** One filter's labelled input, with its hint and its error tied to it. */
function FilterInput({ field, label, hint, value, error, ...input }: FilterInputProps) {
  const id = `journal-${field}`;

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...input}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(field, error, hint ? `${id}-hint` : undefined)}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FilterError field={field} error={error} />
    </div>
  );
}

function FilterError({ field, error }: { field: JournalFilterField; error?: string }) {
  return error ? (
    <p id={`journal-${field}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}

function describedBy(field: JournalFilterField, error?: string, hintId?: string): string | undefined {
  return [hintId, error ? `journal-${field}-error` : undefined].filter(Boolean).join(" ") || undefined;
}
