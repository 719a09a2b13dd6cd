import { type RenderedMail, renderMail } from "@/lib/mail/render-mail";
import type { PendingAssignment } from "./pending-learners";

export type ReminderMailOptions = {
  locale: "fr" | "en";
  organisationName: string;
  pending: PendingAssignment[];
  /** Absolute URL of the learner's modules page. */
  modulesUrl: string;
};

const words = {
  fr: {
    subject: "Rappel : votre sensibilisation à la cybersécurité",
    intro: (organisation: string) =>
      `${organisation} vous rappelle la sensibilisation à la sécurité numérique qui vous est demandée :`,
    item: (title: string, day: string, late: boolean) =>
      `« ${title} » — à terminer avant le ${day}${late ? " (en retard)" : ""}`,
    howLong:
      "Chaque module dure environ 7 minutes ; vous pouvez vous arrêter et reprendre où vous en étiez, sur un poste de service ou un téléphone.",
    action: "Reprendre mes modules",
    note: "Vous recevez ce message parce que votre établissement vous a demandé de suivre cette formation. Si vous l'avez terminée entre-temps, ignorez-le.",
    dateLocale: "fr-FR",
  },
  en: {
    subject: "Reminder: your cybersecurity awareness training",
    intro: (organisation: string) =>
      `${organisation} reminds you of the digital security awareness training you are asked to take:`,
    item: (title: string, day: string, late: boolean) =>
      `"${title}" — to complete by ${day}${late ? " (overdue)" : ""}`,
    howLong:
      "Each module takes about 7 minutes; you can stop and resume where you left off, on a ward computer or a phone.",
    action: "Resume my modules",
    note: "You are receiving this message because your establishment asked you to take this training. If you have completed it in the meantime, please ignore it.",
    dateLocale: "en-GB",
  },
} as const;

/**
 * The reminder e-mail: what is assigned and by when, the link to the modules, the
 * establishment's name. Names and titles go through renderMail, which escapes the HTML part.
 */
export function renderReminderMail(options: ReminderMailOptions): RenderedMail {
  const w = words[options.locale];
  const format = new Intl.DateTimeFormat(w.dateLocale, {
    timeZone: "UTC",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
  const day = (iso: string) => format.format(new Date(`${iso}T12:00:00Z`));
  const items = options.pending.map((p) =>
    w.item(p.target.subjectTitle, day(p.target.cycle.dueOn), p.status === "late"),
  );

  return renderMail({
    locale: options.locale,
    subject: w.subject,
    paragraphs: [w.intro(options.organisationName), ...items, w.howLong],
    action: { label: w.action, url: options.modulesUrl },
    note: w.note,
  });
}
