"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { FormOutcome } from "@/app/_components/form-feedback";
import { type ImportState, rosterAction } from "../actions";

/** Choose a file, preview it row by row, then import it all (the same file is posted again). */
export function RosterForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("rosterImport");
  const [state, action, pending] = useActionState<ImportState, FormData>(rosterAction, {});
  const [fileName, setFileName] = useState<string | null>(null);
  const preview = state.preview;
  const errorCount = preview?.rows.filter((row) => row.status === "error").length ?? 0;
  // The import's outcome, or the preview's verdict (the action gives one or the other).
  const outcome =
    state.message ??
    (preview &&
      (preview.isValid
        ? t("ready", { count: preview.rows.length })
        : (preview.fileErrors[0] ?? t("errorsFound", { count: errorCount }))));

  // Submitted by hand rather than with <form action>: React resets a form after its action,
  // which would empty the file input between the preview and the import.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(formData));
  };

  return (
    <form onSubmit={submit} className="form">
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="field">
        <label htmlFor="roster-file">{t("file")}</label>
        <p id="roster-file-hint" className="hint">
          {t("fileHint")}
        </p>
        <input
          id="roster-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="roster-file-hint"
          onChange={(e) => setFileName(e.currentTarget.files?.[0]?.name ?? null)}
        />
      </div>
      <p className="hero__actions">
        <button
          type="submit"
          name="intent"
          value="preview"
          className="button button--secondary"
          disabled={pending || !fileName}
        >
          {t("preview")}
        </button>
        <button type="submit" name="intent" value="import" className="button" disabled={pending || !preview?.isValid}>
          {t("import")}
        </button>
      </p>
      <FormOutcome ok={state.message ? Boolean(state.done) : preview?.isValid} message={outcome} look="notice" />
      {preview && preview.rows.length > 0 && (
        <div className="table-scroll">
          <table className="audit-table">
            <caption>{t("previewCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("line")}</th>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("team")}</th>
                <th scope="col">{t("result")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.name}</td>
                  <td>{row.email}</td>
                  <td>{row.team ?? "—"}</td>
                  <td className={row.status === "error" ? "field-error" : undefined}>
                    {row.status === "error" ? row.errors.join(" ") : t(`status.${row.status}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
