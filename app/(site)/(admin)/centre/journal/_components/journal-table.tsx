import { getFormatter, getTranslations } from "next-intl/server";
import { type DescribedEntry, describeAuditEntry } from "@/lib/audit/describe-audit-entry";

type Entry = DescribedEntry & { id: string; occurredAt: Date; userAgent: string | null };

/** The entries as sentences from the message catalogue, with when and from where. */
export async function JournalTable({ entries }: { entries: Entry[] }) {
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  if (entries.length === 0) return <p>{t("empty")}</p>;
  const labels = {
    anonymous: t("labels.anonymous"),
    system: t("labels.system"),
    someone: t("labels.someone"),
    establishment: t("labels.establishment"),
  };

  return (
    <div className="table-scroll">
      <table className="audit-table">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("origin")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const sentence = describeAuditEntry(entry, labels);

            return (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.occurredAt.toISOString()}>
                    {format.dateTime(entry.occurredAt, { dateStyle: "short", timeStyle: "medium" })}
                  </time>
                </td>
                <td>{t(`sentences.${sentence.key}`, sentence.values)}</td>
                <td>
                  {entry.ipAddress ?? "—"}
                  {entry.userAgent ? (
                    <>
                      <br />
                      <small>{entry.userAgent}</small>
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
