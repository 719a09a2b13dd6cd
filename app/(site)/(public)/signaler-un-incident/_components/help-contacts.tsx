import { getTranslations } from "next-intl/server";
import type { IncidentContactPoint } from "@/lib/incident/incident-guidance";

export async function HelpContacts({ contacts }: { contacts: IncidentContactPoint[] }) {
  const t = await getTranslations("incident.help");

  return (
    <section aria-labelledby="qui-peut-aider">
      <h2 id="qui-peut-aider">{t("title")}</h2>
      <ul className="incident-help">
        {contacts.map((contact) => (
          <li key={contact.name} className="incident-help__item">
            <h3>{contact.name}</h3>
            <p>{contact.intro}</p>
            <ul>
              {contact.missions.map((mission) => (
                <li key={mission}>{mission}</li>
              ))}
            </ul>
            {(contact.phone || contact.email) && (
              <ul className="contact-lines">
                {contact.phone && (
                  <li>
                    {t("phone")} <a href={contact.phone.href}>{contact.phone.label}</a>
                    {contact.availability && ` (${contact.availability})`}
                  </li>
                )}
                {contact.email && (
                  <li>
                    {t("email")} <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </li>
                )}
              </ul>
            )}
            {contact.links && (
              <ul className="contact-lines">
                {contact.links.map((link) => (
                  <li key={link.href}>
                    <a href={link.href}>{link.label}</a>
                  </li>
                ))}
              </ul>
            )}
            {contact.note && <p>{contact.note}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
