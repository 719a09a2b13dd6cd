import type { Locale } from "@/lib/i18n/locales";

export type GuidanceLink = { href: string; label: string };

export type IncidentStep = { title: string; paragraphs: string[]; link?: GuidanceLink; warning?: string };

export type IncidentContactPoint = { name: string; intro: string; missions: string[]; phone?: GuidanceLink; availability?: string; email?: string; note?: string };

export type IncidentDont = { title: string; detail: string };

export type IncidentGuidance = {
  steps: IncidentStep[];
  contacts: IncidentContactPoint[];
  donts: IncidentDont[];
  /** The course module that teaches all this (its title comes from the course files). */
  moduleId: string;
};

// The facts, written once for both languages: if one changes, it changes on the page, in print and in the tests.
const SIGNALEMENT_URL = "https://signalement.social-sante.gouv.fr/";
const PLAINTE_URL = "https://www.masecurite.interieur.gouv.fr";
const CERT_SANTE_PHONE: GuidanceLink = { href: "tel:+33972439125", label: "09 72 43 91 25" };
const CERT_SANTE_EMAIL = "cyberveille@esante.gouv.fr";

const signalementLink = { href: SIGNALEMENT_URL, label: "signalement.social-sante.gouv.fr" };
const plainteLink = { href: PLAINTE_URL, label: "www.masecurite.interieur.gouv.fr" };

const fr: IncidentGuidance = {
  steps: [
    {
      title: "Informez le RSSI de votre établissement",
      paragraphs: [
        "Prévenez le RSSI (responsable de la sécurité des systèmes d'information) si la fonction existe, sinon la direction et le service informatique. Il pourra déclencher la cellule de crise si nécessaire.",
        "C'est aussi le moment de sortir les fiches réflexes et de lancer les plans de secours : PCA (plan de continuité d'activité) et PRA (plan de reprise d'activité).",
      ],
    },
    {
      title: "Déclarez l'incident sans délai",
      paragraphs: [
        "Sur le portail de signalement des événements sanitaires indésirables. Ce signalement est obligatoire pour les structures de santé et médico-sociales (décret n° 2022-715 relatif au signalement des incidents de sécurité des systèmes d'information).",
        "Il ouvre l'accompagnement par les centres de réponse aux incidents (CERT), dont le CERT Santé.",
      ],
      link: signalementLink,
      warning: "En cas d'incident critique, les CERT peuvent aussi être joints par leur ligne d'urgence, 7j/7 - 24h/24.",
    },
    {
      title: "Portez plainte en cas de préjudice",
      paragraphs: ["Dans un délai de 72 heures, auprès de la police ou de la gendarmerie : données volées, activité bloquée, rançon demandée."],
      link: plainteLink,
    },
  ],
  contacts: [
    {
      name: "CERT Santé",
      intro: "L'équipe de réponse aux incidents de l'Agence du numérique en santé :",
      missions: ["orchestre, qualifie et confine l'incident ;", "investigue, collecte, analyse et aide à la remédiation ;", "communique auprès des acteurs concernés."],
      phone: CERT_SANTE_PHONE,
      availability: "7j/7 - 24h/24",
      email: CERT_SANTE_EMAIL,
    },
    {
      name: "Centre régional de ressources en cybersécurité",
      intro: "Celui de votre région (par exemple CAPSI en Provence-Alpes-Côte d'Azur) :",
      missions: ["appuie l'établissement au plus près pendant la crise ;", "aide à la reprise d'activité."],
      note: "Son numéro d'alerte figure dans les fiches réflexes de l'établissement.",
    },
  ],
  donts: [
    { title: "N'éteignez pas l'ordinateur", detail: "Débranchez-le du réseau (câble ou Wi-Fi) et laissez-le allumé : il garde des traces utiles à l'enquête." },
    { title: "Ne payez pas de rançon", detail: "Ne répondez pas aux pirates : rien ne garantit le retour des données, et l'argent finance d'autres attaques." },
    { title: "Ne supprimez rien", detail: "Fichiers, messages, traces : ce sont des preuves." },
    { title: "N'essayez pas de réparer seul", detail: "Pas d'antivirus téléchargé ni de clé USB : laissez faire le RSSI ou le service informatique." },
  ],
  moduleId: "cyber-incident",
};

const en: IncidentGuidance = {
  steps: [
    {
      title: "Tell your establishment's CISO (RSSI)",
      paragraphs: [
        "Alert the information security officer (RSSI) if your establishment has one, otherwise the management and the IT department. They may set up the crisis cell if needed.",
        "It is also time to take out the quick-reaction sheets and start the business continuity and recovery plans (PCA/PRA).",
      ],
    },
    {
      title: "Report the incident without delay",
      paragraphs: [
        "On the national portal for reporting adverse health events. Reporting is mandatory for health and medico-social structures (Decree No. 2022-715 on reporting information-system security incidents).",
        "It opens support from the incident response centres (CERT), including CERT Santé.",
      ],
      link: signalementLink,
      warning: "For a critical incident, the CERTs can also be reached on their emergency line, 24/7.",
    },
    {
      title: "File a complaint if there is harm",
      paragraphs: ["Within 72 hours, with the police or the gendarmerie: stolen data, blocked activity, ransom demanded."],
      link: plainteLink,
    },
  ],
  contacts: [
    {
      name: "CERT Santé",
      intro: "The incident response team of the French digital health agency (ANS):",
      missions: ["orchestrates, qualifies and contains the incident;", "investigates, collects, analyses and helps remediate;", "communicates with the parties concerned."],
      phone: CERT_SANTE_PHONE,
      availability: "24/7",
      email: CERT_SANTE_EMAIL,
    },
    {
      name: "Regional cybersecurity resource centre",
      intro: "The one in your region (for example CAPSI in Provence-Alpes-Côte d'Azur):",
      missions: ["supports the establishment on site during the crisis;", "helps resume activity."],
      note: "Its alert number is in your establishment's quick-reaction sheets.",
    },
  ],
  donts: [
    { title: "Do not switch the computer off", detail: "Unplug it from the network (cable or Wi-Fi) and leave it on: it keeps traces the investigation needs." },
    { title: "Do not pay a ransom", detail: "Do not answer the attackers: nothing guarantees you get your data back, and the money funds more attacks." },
    { title: "Do not delete anything", detail: "Files, messages, traces: they are evidence." },
    { title: "Do not try to fix it alone", detail: "No downloaded antivirus, no USB key: leave it to the CISO or the IT department." },
  ],
  moduleId: "cyber-incident",
};

/** What to do in a cyber-incident, from the resource centre's deck: three steps, who helps, what not to do. */
export const incidentGuidance: Record<Locale, IncidentGuidance> = { fr, en };
