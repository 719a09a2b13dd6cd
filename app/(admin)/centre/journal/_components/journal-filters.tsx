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
  const invalid = (field: JournalFilterField) => (errors[field] ? true : undefined);
  const described = (field: JournalFilterField, hint?: string) =>
    [hint, errors[field] ? `journal-${field}-error` : undefined].filter(Boolean).join(" ") || undefined;
  const error = (field: JournalFilterField) =>
    errors[field] ? (
      <p id={`journal-${field}-error`} className="field-error">
        {t(`errors.${errors[field]}`)}
      </p>
    ) : null;
  const filtered = Object.values(typed).some(Boolean);

  return (
    <form method="get" action="/centre/journal" className="audit-filter" aria-label={t("filters")}>
      <div className="field">
        <label htmlFor="journal-action">{t("filter")}</label>
        <select
          id="journal-action"
          name="action"
          defaultValue={typed.action ?? ""}
          aria-invalid={invalid("action")}
          aria-describedby={described("action")}
        >
          <option value="">{t("all")}</option>
          {journalActions.map((value) => (
            <option key={value} value={value}>
              {t(`actions.${messageKeyOf(value)}`)}
            </option>
          ))}
        </select>
        {error("action")}
      </div>
      <div className="field">
        <label htmlFor="journal-person">{t("person")}</label>
        <input
          id="journal-person"
          name="personne"
          type="text"
          defaultValue={typed.person ?? ""}
          maxLength={PERSON_FILTER_MAX}
          aria-invalid={invalid("person")}
          aria-describedby={described("person", "journal-person-hint")}
        />
        <p id="journal-person-hint" className="hint">
          {t("personHint")}
        </p>
        {error("person")}
      </div>
      <div className="field">
        <label htmlFor="journal-from">{t("from")}</label>
        <input
          id="journal-from"
          name="du"
          type="date"
          defaultValue={typed.from ?? ""}
          aria-invalid={invalid("from")}
          aria-describedby={described("from")}
        />
        {error("from")}
      </div>
      <div className="field">
        <label htmlFor="journal-to">{t("to")}</label>
        <input
          id="journal-to"
          name="au"
          type="date"
          defaultValue={typed.to ?? ""}
          aria-invalid={invalid("to")}
          aria-describedby={described("to")}
        />
        {error("to")}
      </div>
      <button type="submit" className="button button--secondary">
        {t("apply")}
      </button>
      {filtered ? <Link href="/centre/journal">{t("reset")}</Link> : null}
    </form>
  );
}
