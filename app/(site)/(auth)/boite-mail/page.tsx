import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { isLocalMailboxEnabled, listMailbox } from "@/lib/mail/local-mailbox";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The embedded setup's mailbox: every message Vigie stored, newest first; 404 once SMTP is set. */
export default async function MailboxPage() {
  if (!isLocalMailboxEnabled()) notFound();
  const [{ db }, t, format] = await Promise.all([getDb(), getTranslations("mailbox"), getFormatter()]);
  const messages = await listMailbox(db);

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {messages.length === 0 ? <p>{t("empty")}</p> : null}
      <ul className="mailbox-list">
        {messages.map((message) => (
          <li key={message.id}>
            <Link href={`/boite-mail/${message.id}`}>{message.subject}</Link>
            <br />
            {t("to")} {message.to} — {format.dateTime(message.createdAt, { dateStyle: "short", timeStyle: "medium" })}
          </li>
        ))}
      </ul>
    </div>
  );
}
