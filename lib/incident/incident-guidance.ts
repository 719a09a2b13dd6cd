import type { Locale } from "@/lib/i18n/locales";

export type GuidanceLink = { href: string; label: string };

export type IncidentStep = { title: string; paragraphs: string[]; link?: GuidanceLink; warning?: string };

export type IncidentContactPoint = {
  name: string;
  intro: string;
  missions: string[];
  phone?: GuidanceLink;
  availability?: string;
  email?: string;
  links?: GuidanceLink[];
  note?: string;
};

export type IncidentDont = { title: string; detail: string };

/** What staff do themselves, at their desk, in order. */
export type IncidentTodo = { title: string; detail: string };

/** Another situation than an attack in progress, and whom to tell. */
export type IncidentCase = { title: string; detail: string };

export type IncidentGuidance = {
  todos: IncidentTodo[];
  donts: IncidentDont[];
  otherCases: IncidentCase[];
  /** What the direction or its delegate (the RSSI) does: not staff's job. */
  steps: IncidentStep[];
  contacts: IncidentContactPoint[];
  /** The course module that teaches all this (its title comes from the course files). */
  moduleId: string;
};

// The facts, written once for both languages: if one changes, it changes on the page, in print and in the tests.
const SIGNALEMENT_URL = "https://signalement.social-sante.gouv.fr/";
const CNIL_URL = "https://www.cnil.fr/fr/notifier-une-violation-de-donnees-personnelles";
const PLAINTE_URL = "https://www.masecurite.interieur.gouv.fr";
const CYBER17_URL = "https://17cyber.gouv.fr";
const CYBERMALVEILLANCE_URL = "https://www.cybermalveillance.gouv.fr";
const CERT_SANTE_PHONE: GuidanceLink = { href: "tel:+33972439125", label: "09 72 43 91 25" };
const CERT_SANTE_EMAIL = "cyberveille@esante.gouv.fr";

const fr: IncidentGuidance = {
  todos: [
    {
      title: "Isolez le poste",
      detail:
        "Débranchez le câble réseau ou coupez le Wi-Fi, sans éteindre. Sauf un appareil biomédical en service sur un patient : ne le débranchez pas, suivez la procédure de l'établissement et appelez.",
    },
    {
      title: "Appelez",
      detail:
        "Par téléphone, pas par courriel : le RSSI ou le service informatique, et votre cadre ; la nuit et le week-end, l'astreinte.",
    },
    { title: "Notez ce que vous avez vu", detail: "L'heure, le message affiché, ce que vous faisiez juste avant." },
    { title: "Continuez les soins", detail: "Avec les procédures papier prévues par l'établissement." },
    {
      title: "Ne parlez pas de l'attaque",
      detail: "Ni aux journalistes ni sur les réseaux sociaux : renvoyez vers la direction.",
    },
  ],
  donts: [
    {
      title: "N'éteignez pas l'ordinateur",
      detail: "Débranchez-le du réseau et laissez-le allumé : il garde des traces utiles à l'enquête.",
    },
    {
      title: "Ne payez pas de rançon",
      detail: "Ne répondez pas aux pirates : rien ne garantit le retour des données.",
    },
    { title: "Ne supprimez rien", detail: "Fichiers, messages, traces : ce sont des preuves." },
    {
      title: "N'essayez pas de réparer seul",
      detail: "Pas d'antivirus téléchargé ni de clé USB : laissez faire le RSSI ou le service informatique.",
    },
  ],
  otherCases: [
    {
      title: "Vous avez cliqué sur un lien douteux ou donné un mot de passe",
      detail:
        "Prévenez tout de suite le RSSI ou le service informatique, et changez le mot de passe depuis un autre poste. Personne ne vous le reprochera : le silence, lui, coûte cher.",
    },
    {
      title: "Vous avez perdu un téléphone, une tablette ou une clé",
      detail:
        "Prévenez le jour même votre cadre et le service informatique : l'appareil peut être bloqué ou effacé à distance.",
    },
  ],
  steps: [
    {
      title: "Mobiliser l'établissement",
      paragraphs: [
        "Le RSSI (responsable de la sécurité des systèmes d'information) ou la direction déclenche la cellule de crise et lance le PCA (plan de continuité d'activité) puis le PRA (plan de reprise d'activité).",
      ],
    },
    {
      title: "Déclarer l'incident",
      paragraphs: [
        "Les incidents significatifs ou graves se déclarent sans délai, par la direction ou son délégué (le RSSI) : article L.1111-8-2 du code de la santé publique, décret n° 2022-715 du 27 avril 2022, qui couvre aussi le médico-social. La déclaration ouvre l'appui du CERT Santé.",
      ],
      link: { href: SIGNALEMENT_URL, label: "Portail de signalement des événements sanitaires indésirables" },
    },
    {
      title: "Prévenir la CNIL si des données personnelles sont touchées",
      paragraphs: [
        "Dans les 72 heures, avec le délégué à la protection des données (RGPD, article 33) ; et informer les personnes concernées si le risque est élevé pour elles (article 34).",
      ],
      link: { href: CNIL_URL, label: "Notifier une violation de données à la CNIL" },
    },
    {
      title: "Porter plainte",
      paragraphs: [
        "Par le représentant légal de l'établissement, au plus tard 72 heures après la découverte de l'attaque : c'est une condition pour que l'assurance cyber indemnise (article L.12-10-1 du code des assurances). Ce délai est distinct de celui de la CNIL. Prévenir aussi l'assureur et l'ARS.",
      ],
      link: { href: PLAINTE_URL, label: "Ma Sécurité : trouver un commissariat ou une gendarmerie" },
    },
  ],
  contacts: [
    {
      name: "CERT Santé",
      intro: "L'équipe de réponse aux incidents de l'Agence du numérique en santé :",
      missions: [
        "aide à comprendre l'attaque, à mesurer sa gravité et à l'empêcher de s'étendre ;",
        "analyse les traces et accompagne le retour à un fonctionnement sûr.",
      ],
      phone: CERT_SANTE_PHONE,
      availability: "24 h/24, 7 j/7",
      email: CERT_SANTE_EMAIL,
    },
    {
      name: "Centre régional de ressources en cybersécurité",
      intro: "Celui de votre région (par exemple CAPSI en Provence-Alpes-Côte d'Azur) :",
      missions: ["appuie l'établissement au plus près pendant la crise ;", "aide à la reprise d'activité."],
      note: "Notez son numéro d'alerte sur la fiche réflexe de l'établissement.",
    },
    {
      name: "17Cyber",
      intro: "Police, gendarmerie et Cybermalveillance.gouv.fr, pour les particuliers comme pour les organisations :",
      missions: [
        "diagnostic en ligne et échange avec un policier ou un gendarme ;",
        "Cybermalveillance.gouv.fr aide aussi les petites structures à trouver un prestataire.",
      ],
      links: [
        { href: CYBER17_URL, label: "17cyber.gouv.fr" },
        { href: CYBERMALVEILLANCE_URL, label: "cybermalveillance.gouv.fr" },
      ],
    },
  ],
  moduleId: "cyber-incident",
};

const en: IncidentGuidance = {
  todos: [
    {
      title: "Isolate the computer",
      detail:
        "Unplug the network cable or turn Wi-Fi off, without switching it off. Except a biomedical device in use on a patient: do not unplug it, follow your establishment's procedure and call.",
    },
    {
      title: "Call",
      detail:
        "By phone, not e-mail: the CISO (RSSI) or IT department, and your manager; at night and at weekends, the on-call service.",
    },
    { title: "Write down what you saw", detail: "The time, the message on screen, what you were doing just before." },
    { title: "Keep caring for patients", detail: "With the establishment's paper procedures." },
    {
      title: "Do not talk about the attack",
      detail: "Neither to journalists nor on social media: refer them to the management.",
    },
  ],
  donts: [
    {
      title: "Do not switch the computer off",
      detail: "Unplug it from the network and leave it on: it keeps traces the investigation needs.",
    },
    { title: "Do not pay a ransom", detail: "Do not answer the attackers: nothing guarantees you get your data back." },
    { title: "Do not delete anything", detail: "Files, messages, traces: they are evidence." },
    {
      title: "Do not try to fix it alone",
      detail: "No downloaded antivirus, no USB key: leave it to the CISO or the IT department.",
    },
  ],
  otherCases: [
    {
      title: "You clicked a dubious link or gave a password away",
      detail:
        "Tell the CISO or IT department at once, and change the password from another computer. Nobody will blame you: silence is what costs.",
    },
    {
      title: "You lost a phone, a tablet or a USB key",
      detail: "Tell your manager and the IT department the same day: the device can be locked or wiped remotely.",
    },
  ],
  steps: [
    {
      title: "Mobilise the establishment",
      paragraphs: [
        "The CISO (RSSI) or the management sets up the crisis cell, takes out the quick-reaction sheets and starts the business continuity plan (PCA), then the recovery plan (PRA).",
      ],
    },
    {
      title: "Report the incident",
      paragraphs: [
        "Significant or serious incidents are reported without delay, by the management or its delegate (the CISO), on the national portal for adverse health events: article L.1111-8-2 of the public health code, Decree No. 2022-715 of 27 April 2022, which also covers medico-social establishments. The report opens support from CERT Santé.",
      ],
      link: { href: SIGNALEMENT_URL, label: "National portal for reporting adverse health events" },
    },
    {
      title: "Notify the CNIL if personal data is affected",
      paragraphs: [
        "Within 72 hours, with the data protection officer (GDPR, article 33); and inform the people concerned when the risk to them is high (article 34).",
      ],
      link: { href: CNIL_URL, label: "Notify a personal data breach to the CNIL" },
    },
    {
      title: "File a complaint",
      paragraphs: [
        "By the establishment's legal representative, no later than 72 hours after the attack is discovered: a condition for the cyber insurance to pay (article L.12-10-1 of the insurance code). This deadline is distinct from the CNIL's. Also tell the insurer and the regional health agency (ARS).",
      ],
      link: { href: PLAINTE_URL, label: "Ma Sécurité: find a police or gendarmerie station" },
    },
  ],
  contacts: [
    {
      name: "CERT Santé",
      intro: "The incident response team of the French digital health agency (ANS):",
      missions: [
        "helps understand the attack, assess how serious it is and stop it spreading;",
        "analyses the traces and supports the return to safe operation.",
      ],
      phone: CERT_SANTE_PHONE,
      availability: "24/7",
      email: CERT_SANTE_EMAIL,
    },
    {
      name: "Regional cybersecurity resource centre",
      intro: "The one in your region (for example CAPSI in Provence-Alpes-Côte d'Azur):",
      missions: ["supports the establishment on site during the crisis;", "helps resume activity."],
      note: "Write its alert number on your establishment's quick-reaction sheet.",
    },
    {
      name: "17Cyber",
      intro:
        "The service of the police, the gendarmerie and Cybermalveillance.gouv.fr, for individuals and organisations alike:",
      missions: [
        "online diagnosis and a chat with a police officer or gendarme;",
        "Cybermalveillance.gouv.fr also helps small structures find a provider.",
      ],
      links: [
        { href: CYBER17_URL, label: "17cyber.gouv.fr" },
        { href: CYBERMALVEILLANCE_URL, label: "cybermalveillance.gouv.fr" },
      ],
    },
  ],
  moduleId: "cyber-incident",
};

/**
 * What to do in a cyber-incident, from the resource centre's deck: what staff do at their desk, what
 * the direction or its delegate (the RSSI) does, who helps.
 */
export const incidentGuidance: Record<Locale, IncidentGuidance> = { fr, en };
