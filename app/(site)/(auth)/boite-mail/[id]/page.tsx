import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { getDb } from "@/db/client";
import { getMailboxMessage, isLocalMailboxEnabled } from "@/lib/mail/local-mailbox";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// The plain-text version is shown, never the HTML; its web addresses become links.
function withLinks(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!isLocalMailboxEnabled()) notFound();
  const [{ id }, { db }, t, format] = await Promise.all([params, getDb(), getTranslations("mailbox"), getFormatter()]);
  const message = await getMailboxMessage(db, id);
  if (!message) notFound();

  return (
    <div className="narrow">
      <p>
        <Link href="/boite-mail">{t("back")}</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl>
        <dt>{t("to")}</dt>
        <dd>{message.to}</dd>
        <dt>{t("date")}</dt>
        <dd>{format.dateTime(message.createdAt, { dateStyle: "long", timeStyle: "medium" })}</dd>
      </dl>
      <div className="mail-body">{withLinks(message.text)}</div>
    </div>
  );
}
