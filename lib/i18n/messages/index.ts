// One file per namespace and locale, so that features add their texts without touching others'.
import enAccount from "./en/account.json";
import enAudit from "./en/audit.json";
import enCatalogue from "./en/catalogue.json";
import enCertificates from "./en/certificates.json";
import enErrors from "./en/errors.json";
import enHome from "./en/home.json";
import enIncident from "./en/incident.json";
import enJoin from "./en/join.json";
import enJoinCodes from "./en/joinCodes.json";
import enLearnerAssignments from "./en/learnerAssignments.json";
import enMailbox from "./en/mailbox.json";
import enManagerCertificates from "./en/managerCertificates.json";
import enManagerReports from "./en/managerReports.json";
import enMemberAccess from "./en/memberAccess.json";
import enMemberships from "./en/memberships.json";
import enMeta from "./en/meta.json";
import enOrganisationsAdmin from "./en/organisationsAdmin.json";
import enPassword from "./en/password.json";
import enPhishingCampaigns from "./en/phishingCampaigns.json";
import enPhishingExercises from "./en/phishingExercises.json";
import enPhishingMessage from "./en/phishingMessage.json";
import enPhishingResults from "./en/phishingResults.json";
import enPhishingPeople from "./en/phishingPeople.json";
import enPlayer from "./en/player.json";
import enPrivacyAdmin from "./en/privacyAdmin.json";
import enRegionReport from "./en/regionReport.json";
import enReminders from "./en/reminders.json";
import enRosterImport from "./en/rosterImport.json";
import enScormPlayer from "./en/scormPlayer.json";
import enSecondFactor from "./en/secondFactor.json";
import enShell from "./en/shell.json";
import enSignIn from "./en/signIn.json";
import enSso from "./en/sso.json";
import enSuspectReport from "./en/suspectReport.json";
import enTeams from "./en/teams.json";
import frAccount from "./fr/account.json";
import frAudit from "./fr/audit.json";
import frCatalogue from "./fr/catalogue.json";
import frCertificates from "./fr/certificates.json";
import frErrors from "./fr/errors.json";
import frHome from "./fr/home.json";
import frIncident from "./fr/incident.json";
import frJoin from "./fr/join.json";
import frJoinCodes from "./fr/joinCodes.json";
import frLearnerAssignments from "./fr/learnerAssignments.json";
import frMailbox from "./fr/mailbox.json";
import frManagerCertificates from "./fr/managerCertificates.json";
import frManagerReports from "./fr/managerReports.json";
import frMemberAccess from "./fr/memberAccess.json";
import frMemberships from "./fr/memberships.json";
import frMeta from "./fr/meta.json";
import frOrganisationsAdmin from "./fr/organisationsAdmin.json";
import frPassword from "./fr/password.json";
import frPhishingCampaigns from "./fr/phishingCampaigns.json";
import frPhishingExercises from "./fr/phishingExercises.json";
import frPhishingMessage from "./fr/phishingMessage.json";
import frPhishingResults from "./fr/phishingResults.json";
import frPhishingPeople from "./fr/phishingPeople.json";
import frPlayer from "./fr/player.json";
import frPrivacyAdmin from "./fr/privacyAdmin.json";
import frRegionReport from "./fr/regionReport.json";
import frReminders from "./fr/reminders.json";
import frRosterImport from "./fr/rosterImport.json";
import frScormPlayer from "./fr/scormPlayer.json";
import frSecondFactor from "./fr/secondFactor.json";
import frShell from "./fr/shell.json";
import frSignIn from "./fr/signIn.json";
import frSso from "./fr/sso.json";
import frSuspectReport from "./fr/suspectReport.json";
import frTeams from "./fr/teams.json";
import { withFrenchTypography } from "../french-typography";
import type { Locale } from "../locales";

export const messages = {
  // The files keep plain spaces, easy to type and review; the French rule is applied once, here.
  fr: withFrenchTypography({
    account: frAccount,
    audit: frAudit,
    catalogue: frCatalogue,
    certificates: frCertificates,
    errors: frErrors,
    home: frHome,
    incident: frIncident,
    join: frJoin,
    joinCodes: frJoinCodes,
    learnerAssignments: frLearnerAssignments,
    mailbox: frMailbox,
    managerCertificates: frManagerCertificates,
    managerReports: frManagerReports,
    memberAccess: frMemberAccess,
    memberships: frMemberships,
    meta: frMeta,
    organisationsAdmin: frOrganisationsAdmin,
    password: frPassword,
    phishingCampaigns: frPhishingCampaigns,
    phishingExercises: frPhishingExercises,
    phishingMessage: frPhishingMessage,
    phishingResults: frPhishingResults,
    phishingPeople: frPhishingPeople,
    player: frPlayer,
    privacyAdmin: frPrivacyAdmin,
    regionReport: frRegionReport,
    reminders: frReminders,
    rosterImport: frRosterImport,
    scormPlayer: frScormPlayer,
    secondFactor: frSecondFactor,
    shell: frShell,
    signIn: frSignIn,
    sso: frSso,
    suspectReport: frSuspectReport,
    teams: frTeams,
  }),
  en: {
    account: enAccount,
    audit: enAudit,
    catalogue: enCatalogue,
    certificates: enCertificates,
    errors: enErrors,
    home: enHome,
    incident: enIncident,
    join: enJoin,
    joinCodes: enJoinCodes,
    learnerAssignments: enLearnerAssignments,
    mailbox: enMailbox,
    managerCertificates: enManagerCertificates,
    managerReports: enManagerReports,
    memberAccess: enMemberAccess,
    memberships: enMemberships,
    meta: enMeta,
    organisationsAdmin: enOrganisationsAdmin,
    password: enPassword,
    phishingCampaigns: enPhishingCampaigns,
    phishingExercises: enPhishingExercises,
    phishingMessage: enPhishingMessage,
    phishingResults: enPhishingResults,
    phishingPeople: enPhishingPeople,
    player: enPlayer,
    privacyAdmin: enPrivacyAdmin,
    regionReport: enRegionReport,
    reminders: enReminders,
    rosterImport: enRosterImport,
    scormPlayer: enScormPlayer,
    secondFactor: enSecondFactor,
    shell: enShell,
    signIn: enSignIn,
    sso: enSso,
    suspectReport: enSuspectReport,
    teams: enTeams,
  },
} satisfies Record<Locale, Record<string, unknown>>;
