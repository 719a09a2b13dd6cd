/** One SCO of a package: a module, launched from its index.html. */
export type ManifestSco = {
  id: string;
  title: string;
  href: string;
  /** The quiz's pass mark (percentage), absent for a module without a quiz. */
  masteryScore?: number;
  files: string[];
};

export type ManifestOptions = {
  identifier: string;
  version: number;
  title: string;
  description: string;
  scos: ManifestSco[];
  /** The player's files, shared by every SCO (one asset resource). */
  sharedFiles: string[];
};

export const SHARED_RESOURCE_ID = "RES-vigie-player";

/**
 * imsmanifest.xml for SCORM 1.2 (IMS Content Packaging 1.1.2 with ADL's adlcp extension): one
 * organisation whose items are the SCOs in order, each SCO a resource listing its files and
 * depending on the shared player; title and description in French (xml:lang="fr").
 */
export function buildManifest(options: ManifestOptions): string {
  const items = options.scos.map(
    (sco) =>
      `      <item identifier="ITEM-${sco.id}" identifierref="RES-${sco.id}" isvisible="true">\n` +
      `        <title>${escapeXml(sco.title)}</title>\n` +
      (sco.masteryScore === undefined ? "" : `        <adlcp:masteryscore>${sco.masteryScore}</adlcp:masteryscore>\n`) +
      `      </item>`,
  );
  const resources = options.scos.map(
    (sco) =>
      `    <resource identifier="RES-${sco.id}" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(sco.href)}">\n` +
      sco.files.map((file) => `      <file href="${escapeXml(file)}"/>\n`).join("") +
      `      <dependency identifierref="${SHARED_RESOURCE_ID}"/>\n` +
      `    </resource>`,
  );
  const shared =
    `    <resource identifier="${SHARED_RESOURCE_ID}" type="webcontent" adlcp:scormtype="asset">\n` +
    options.sharedFiles.map((file) => `      <file href="${escapeXml(file)}"/>\n`).join("") +
    `    </resource>`;

  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(options.identifier)}" version="${options.version}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title><imsmd:langstring xml:lang="fr">${escapeXml(options.title)}</imsmd:langstring></imsmd:title>
        <imsmd:language>fr</imsmd:language>
        <imsmd:description><imsmd:langstring xml:lang="fr">${escapeXml(options.description)}</imsmd:langstring></imsmd:description>
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations default="ORG-${escapeXml(options.identifier)}">
    <organization identifier="ORG-${escapeXml(options.identifier)}">
      <title>${escapeXml(options.title)}</title>
${items.join("\n")}
    </organization>
  </organizations>
  <resources>
${[...resources, shared].join("\n")}
  </resources>
</manifest>
`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
