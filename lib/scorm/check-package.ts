/** An element of the manifest: its name, attributes and direct text. */
type Element = { name: string; attributes: Record<string, string>; text: string };

const XSD_ID = /^[A-Za-z_][\w.-]*$/;
// What a browser would fetch on its own: src, <link href>, CSS url() and @import to another host.
const OUTSIDE_FETCH =
  /\bsrc\s*=\s*\\?["']?(?:https?:)?\/\/|<link[^>]+href\s*=\s*\\?["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\/|@import\s+["']?(?:url\()?["']?(?:https?:)?\/\/|\bfetch\(|XMLHttpRequest/i;

/**
 * The SCORM 1.2 rules an LMS import depends on, checked on a built package: a well-formed
 * manifest declaring SCORM 1.2, unique XML ids, the default organisation, items pointing at
 * resources, each SCO launching a file it lists, masteryscore 0–100, French language tags, every
 * listed file present and every file listed, and nothing fetched from outside the package.
 */
export function checkPackage(files: Map<string, Uint8Array>): string[] {
  const bytes = files.get("imsmanifest.xml");
  if (!bytes) return ["imsmanifest.xml is missing at the package root"];
  const xml = new TextDecoder().decode(bytes);
  const problems = [...checkWellFormed(xml)];
  const elements = readElements(xml);
  const all = (name: string) => elements.filter((element) => element.name === name);
  const text = (name: string) => all(name)[0]?.text.trim();

  if (text("schema") !== "ADL SCORM") problems.push("metadata/schema must be ADL SCORM");
  if (text("schemaversion") !== "1.2") problems.push("metadata/schemaversion must be 1.2");
  const ids = elements.map((element) => element.attributes.identifier).filter((id): id is string => id !== undefined);
  for (const id of ids) if (!XSD_ID.test(id)) problems.push(`identifier "${id}" is not an XML id`);
  for (const id of new Set(ids))
    if (ids.filter((other) => other === id).length > 1) problems.push(`identifier "${id}" is used twice`);

  const organisations = all("organization").map((element) => element.attributes.identifier);
  if (!organisations.includes(all("organizations")[0]?.attributes.default))
    problems.push("organizations/@default names no organization");
  const resources = new Map(all("resource").map((element) => [element.attributes.identifier, element]));
  for (const item of all("item")) {
    const resource = resources.get(item.attributes.identifierref);
    if (!resource) problems.push(`item ${item.attributes.identifier} points at no resource`);
    else if (resource.attributes["adlcp:scormtype"] !== "sco")
      problems.push(`item ${item.attributes.identifier} must launch a SCO`);
  }
  for (const dependency of all("dependency")) {
    if (!resources.has(dependency.attributes.identifierref))
      problems.push(`dependency ${dependency.attributes.identifierref} names no resource`);
  }
  for (const score of all("adlcp:masteryscore")) {
    if (!/^(100|[1-9]?\d)$/.test(score.text.trim()))
      problems.push(`masteryscore "${score.text}" must be a whole number from 0 to 100`);
  }
  if (
    all("imsmd:langstring").some((element) => element.attributes["xml:lang"] !== "fr") ||
    all("imsmd:langstring").length === 0
  ) {
    problems.push('title and description need xml:lang="fr"');
  }

  problems.push(...checkFiles(xml, files));

  return problems;
}

function checkFiles(xml: string, files: Map<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const listed = new Set(
    readElements(xml)
      .filter((e) => e.name === "file")
      .map((e) => e.attributes.href!),
  );
  for (const resource of xmlResources(xml)) {
    if (resource.scormType === "sco" && (!resource.href || !resource.files.includes(resource.href))) {
      problems.push(`resource ${resource.id} must list its launch file ${resource.href}`);
    }
  }
  for (const file of listed) if (!files.has(file)) problems.push(`listed file ${file} is not in the package`);
  for (const [file, bytes] of files) {
    if (file !== "imsmanifest.xml" && !listed.has(file)) problems.push(`file ${file} is not listed in the manifest`);
    if (/\.(html|css|js)$/.test(file) && OUTSIDE_FETCH.test(new TextDecoder().decode(bytes))) {
      problems.push(`file ${file} fetches something from outside the package`);
    }
  }

  return problems;
}

function xmlResources(xml: string) {
  return [...xml.matchAll(/<resource\b([^>]*)>([\s\S]*?)<\/resource>/g)].map((match) => {
    const attributes = readAttributes(match[1]!);

    return {
      id: attributes.identifier,
      href: attributes.href,
      scormType: attributes["adlcp:scormtype"],
      files: [...match[2]!.matchAll(/<file\s+href="([^"]*)"/g)].map((file) => unescape(file[1]!)),
    };
  });
}

function readElements(xml: string): Element[] {
  return [...xml.matchAll(/<([\w:]+)((?:\s+[\w:]+="[^"]*")*)\s*(\/?)>([^<]*)/g)].map((match) => ({
    name: match[1]!,
    attributes: readAttributes(match[2]!),
    text: match[3] ? "" : unescape(match[4]!),
  }));
}

function readAttributes(source: string): Record<string, string> {
  return Object.fromEntries(
    [...source.matchAll(/([\w:]+)="([^"]*)"/g)].map((match) => [match[1]!, unescape(match[2]!)]),
  );
}

function checkWellFormed(xml: string): string[] {
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'))
    return ["the manifest must start with an XML declaration in UTF-8"];
  const open: string[] = [];
  for (const [tag, closing, name, , selfClosing] of xml.matchAll(/<(\/?)([\w:]+)((?:\s+[\w:]+="[^"<]*")*)\s*(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) open.push(name!);
    else if (open.pop() !== name) return [`the manifest is not well-formed at ${tag}`];
  }
  if (open.length > 0) return [`the manifest leaves <${open.at(-1)}> open`];
  if (/&(?!amp;|lt;|gt;|quot;|apos;)/.test(xml)) return ["the manifest has an unescaped &"];

  return [];
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
