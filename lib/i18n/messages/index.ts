// One file per namespace and locale, so that features add their texts without touching others'.
import enAudit from "./en/audit.json";
import enAccount from "./en/account.json";
import enCatalogue from "./en/catalogue.json";
import enCertificates from "./en/certificates.json";
import enHome from "./en/home.json";
import enMailbox from "./en/mailbox.json";
import enManagerCertificates from "./en/managerCertificates.json";
import enIncident from "./en/incident.json";
import enLearnerAssignments from "./en/learnerAssignments.json";
import enManagerReports from "./en/managerReports.json";
import enMeta from "./en/meta.json";
import enOrganisationsAdmin from "./en/organisationsAdmin.json";
import enPlayer from "./en/player.json";
import enPrivacyAdmin from "./en/privacyAdmin.json";
import enRegionReport from "./en/regionReport.json";
import enRosterImport from "./en/rosterImport.json";
import enShell from "./en/shell.json";
import enTeams from "./en/teams.json";
import enSignIn from "./en/signIn.json";
import frAudit from "./fr/audit.json";
import frAccount from "./fr/account.json";
import frCatalogue from "./fr/catalogue.json";
import frCertificates from "./fr/certificates.json";
import frHome from "./fr/home.json";
import frMailbox from "./fr/mailbox.json";
import frManagerCertificates from "./fr/managerCertificates.json";
import frIncident from "./fr/incident.json";
import frLearnerAssignments from "./fr/learnerAssignments.json";
import frManagerReports from "./fr/managerReports.json";
import frMeta from "./fr/meta.json";
import frOrganisationsAdmin from "./fr/organisationsAdmin.json";
import frPlayer from "./fr/player.json";
import frPrivacyAdmin from "./fr/privacyAdmin.json";
import frRegionReport from "./fr/regionReport.json";
import frRosterImport from "./fr/rosterImport.json";
import frShell from "./fr/shell.json";
import frTeams from "./fr/teams.json";
import frSignIn from "./fr/signIn.json";
import type { Locale } from "../locales";

export const messages = {
  fr: { meta: frMeta, shell: frShell, home: frHome, signIn: frSignIn, catalogue: frCatalogue, player: frPlayer, organisationsAdmin: frOrganisationsAdmin, teams: frTeams, rosterImport: frRosterImport, account: frAccount, privacyAdmin: frPrivacyAdmin, certificates: frCertificates, managerCertificates: frManagerCertificates, incident: frIncident, managerReports: frManagerReports, learnerAssignments: frLearnerAssignments, mailbox: frMailbox, audit: frAudit, regionReport: frRegionReport },
  en: { meta: enMeta, shell: enShell, home: enHome, signIn: enSignIn, catalogue: enCatalogue, player: enPlayer, organisationsAdmin: enOrganisationsAdmin, teams: enTeams, rosterImport: enRosterImport, account: enAccount, privacyAdmin: enPrivacyAdmin, certificates: enCertificates, managerCertificates: enManagerCertificates, incident: enIncident, managerReports: enManagerReports, learnerAssignments: enLearnerAssignments, mailbox: enMailbox, audit: enAudit, regionReport: enRegionReport },
} satisfies Record<Locale, Record<string, unknown>>;
