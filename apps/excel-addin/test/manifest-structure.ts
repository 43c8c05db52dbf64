import { Window } from 'happy-dom';

// Offline checks of an XML add-in manifest (office-addin-manifest's validator needs an online service).
// Returns a list of problems; an empty list means the structure Excel needs for our add-in is in place.

export interface ManifestFacts {
  id: string | null;
  urls: string[];
  resourceUrls: Map<string, string>;
  namespace: string | null;
  problems: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function inspectManifest(xml: string): ManifestFacts {
  const doc = new new Window().DOMParser().parseFromString(xml, 'application/xml');
  const problems: string[] = [];
  const all = (tag: string) => [...doc.getElementsByTagName(tag)];
  const first = (tag: string) => all(tag)[0] ?? null;
  if (doc.documentElement?.tagName !== 'OfficeApp') problems.push('root element is not OfficeApp');

  const id = first('Id')?.textContent?.trim() ?? null;
  if (!id || !GUID.test(id)) problems.push(`Id is not a GUID: ${id}`);

  const resourceUrls = new Map<string, string>();
  for (const url of all('bt:Url'))
    resourceUrls.set(url.getAttribute('id') ?? '', url.getAttribute('DefaultValue') ?? '');
  const images = new Map<string, string>();
  for (const image of all('bt:Image').filter((i) => i.getAttribute('DefaultValue'))) {
    images.set(image.getAttribute('id') ?? '', image.getAttribute('DefaultValue') ?? '');
  }
  const strings = new Set(all('bt:String').map((s) => s.getAttribute('id')));

  // Every resid must name a resource.
  for (const node of [...doc.getElementsByTagName('*')].filter((n) => n.hasAttribute('resid'))) {
    const resid = node.getAttribute('resid') ?? '';
    if (!resourceUrls.has(resid) && !images.has(resid) && !strings.has(resid)) {
      problems.push(`${node.tagName} resid="${resid}" names no resource`);
    }
  }

  const urls = [
    ...[...doc.getElementsByTagName('*')]
      .filter(
        (n) => n.hasAttribute('DefaultValue') && /Url$|^bt:Image$|^bt:Url$|SourceLocation/.test(n.tagName),
      )
      .map((n) => n.getAttribute('DefaultValue') ?? ''),
    ...all('AppDomain').map((n) => n.textContent?.trim() ?? ''),
  ];
  for (const url of urls) if (!url.startsWith('https://')) problems.push(`URL is not https: ${url}`);

  // Shared runtime: the long-lived runtime, the functions page and the task pane are one page.
  const runtime = first('Runtime');
  if (runtime?.getAttribute('lifetime') !== 'long') problems.push('no <Runtime lifetime="long">');
  const runtimeUrl = runtime?.getAttribute('resid');
  const sets = all('Set').map((s) => `${s.getAttribute('Name')}@${s.getAttribute('MinVersion')}`);
  if (!sets.includes('SharedRuntime@1.1')) problems.push('SharedRuntime 1.1 requirement missing');
  const page = all('Page')[0]?.getElementsByTagName('SourceLocation')[0]?.getAttribute('resid');
  if (!runtimeUrl || page !== runtimeUrl)
    problems.push('custom functions <Page> is not the shared runtime page');
  const taskpane = all('Action')[0]?.getElementsByTagName('SourceLocation')[0]?.getAttribute('resid');
  if (taskpane !== runtimeUrl) problems.push('task pane does not open the shared runtime page');
  if (!all('Metadata')[0]?.getElementsByTagName('SourceLocation')[0])
    problems.push('no functions metadata URL');
  if (!all('Script')[0]?.getElementsByTagName('SourceLocation')[0]) problems.push('no functions script URL');

  const namespaceResid = first('Namespace')?.getAttribute('resid');
  const namespace = namespaceResid
    ? (all('bt:String')
        .find((s) => s.getAttribute('id') === namespaceResid)
        ?.getAttribute('DefaultValue') ?? null)
    : null;
  if (xml.includes('{{')) problems.push('unreplaced {{placeholder}}');
  return { id, urls, resourceUrls: new Map([...resourceUrls, ...images]), namespace, problems };
}
