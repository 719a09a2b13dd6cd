// One file per namespace and locale, so that features add their texts without touching others'.
import enAccount from "./en/account.json";
import enCatalogue from "./en/catalogue.json";
import enCertificates from "./en/certificates.json";
import enHome from "./en/home.json";
import enManagerCertificates from "./en/managerCertificates.json";
import enIncident from "./en/incident.json";
import enMeta from "./en/meta.json";
import enOrganisationsAdmin from "./en/organisationsAdmin.json";
import enTeams from "./en/teams.json";
import enPlayer from "./en/player.json";
import enPrivacyAdmin from "./en/privacyAdmin.json";
import enShell from "./en/shell.json";
import enSignIn from "./en/signIn.json";
import frAccount from "./fr/account.json";
import frCatalogue from "./fr/catalogue.json";
import frCertificates from "./fr/certificates.json";
import frHome from "./fr/home.json";
import frManagerCertificates from "./fr/managerCertificates.json";
import frIncident from "./fr/incident.json";
import frMeta from "./fr/meta.json";
import frOrganisationsAdmin from "./fr/organisationsAdmin.json";
import frTeams from "./fr/teams.json";
import frPlayer from "./fr/player.json";
import frPrivacyAdmin from "./fr/privacyAdmin.json";
import frShell from "./fr/shell.json";
import frSignIn from "./fr/signIn.json";
import type { Locale } from "../locales";

export const messages = {
  fr: { meta: frMeta, shell: frShell, home: frHome, signIn: frSignIn, catalogue: frCatalogue, player: frPlayer, account: frAccount, privacyAdmin: frPrivacyAdmin, organisationsAdmin: frOrganisationsAdmin, teams: frTeams, certificates: frCertificates, managerCertificates: frManagerCertificates, incident: frIncident },
  en: { meta: enMeta, shell: enShell, home: enHome, signIn: enSignIn, catalogue: enCatalogue, player: enPlayer, account: enAccount, privacyAdmin: enPrivacyAdmin, organisationsAdmin: enOrganisationsAdmin, teams: enTeams, certificates: enCertificates, managerCertificates: enManagerCertificates, incident: enIncident },
} satisfies Record<Locale, Record<string, unknown>>;
