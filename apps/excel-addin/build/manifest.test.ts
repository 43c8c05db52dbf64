import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectManifest } from '../test/manifest-structure.js';
import { DEFAULT_ADDIN_ID, manifestOptionsFromEnv, renderManifest } from './manifest.js';

const template = readFileSync(new URL('../manifest.template.xml', import.meta.url), 'utf8');

describe('renderManifest', () => {
  it('by default has no namespace (=SUPPLIERS) and points every URL at https://localhost:3000', () => {
    const facts = inspectManifest(renderManifest(template, manifestOptionsFromEnv({})));
    expect(facts.problems).toEqual([]);
    expect(facts.namespace).toBeNull();
    expect(facts.id).toBe(DEFAULT_ADDIN_ID);
    expect(facts.urls.length).toBeGreaterThan(5);
    for (const url of facts.urls) expect(url.startsWith('https://localhost:3000')).toBe(true);
  });

  it('ADDIN_NAMESPACE=YUANTOU adds the namespace (=YUANTOU.SUPPLIERS)', () => {
    const facts = inspectManifest(
      renderManifest(template, manifestOptionsFromEnv({ ADDIN_NAMESPACE: 'YUANTOU' })),
    );
    expect(facts.problems).toEqual([]);
    expect(facts.namespace).toBe('YUANTOU');
  });

  it.each([
    [undefined, '=SUPPLIERS', /=YUANTOU\./],
    ['YUANTOU', '=YUANTOU.SUPPLIERS', /=(?!YUANTOU\.)(SUPPLIERS|PRODUCTS|PRODUCTSBYIMAGE)\b/],
  ])('namespace %s: Description and GetStarted say %s', (namespace, formula, wrong) => {
    const xml = renderManifest(template, manifestOptionsFromEnv({ ADDIN_NAMESPACE: namespace }));
    const description = /<Description DefaultValue="([^"]*)"/.exec(xml)?.[1];
    const getStarted = /<bt:String id="GetStarted.Description" DefaultValue="([^"]*)"/.exec(xml)?.[1];
    expect(description).toContain(formula);
    expect(getStarted).toContain(formula);
    expect(xml).not.toMatch(wrong);
    expect(xml).not.toContain('{{');
  });

  it.each(['Y_T', 'yuantou.v2', `Y${'a'.repeat(31)}`])(
    'accepts the namespace %s (Microsoft`s rule)',
    (namespace) => {
      expect(() => renderManifest(template, { host: 'https://localhost:3000', namespace })).not.toThrow();
    },
  );

  it('ADDIN_HOST moves every URL to the production host', () => {
    const xml = renderManifest(
      template,
      manifestOptionsFromEnv({ ADDIN_HOST: 'https://addin.example.com/' }),
    );
    const facts = inspectManifest(xml);
    expect(facts.problems).toEqual([]);
    expect(facts.resourceUrls.get('Functions.Metadata.Url')).toBe('https://addin.example.com/functions.json');
    expect(xml).not.toContain('localhost');
  });

  it.each([
    [{ host: 'http://localhost:3000' }, /https/],
    [{ host: 'https://localhost:3000', id: 'not-a-guid' }, /GUID/],
    [{ host: 'https://localhost:3000', namespace: '1688' }, /NAMESPACE/],
    [{ host: 'https://localhost:3000', namespace: 'YT' }, /3-32/],
    [{ host: 'https://localhost:3000', namespace: `Y${'a'.repeat(32)}` }, /3-32/],
    [{ host: 'https://localhost:3000', namespace: 'YUAN-TOU' }, /NAMESPACE/],
    [{ host: 'https://localhost:3000', namespace: '_YT' }, /NAMESPACE/],
  ])('refuses %j', (options, message) => {
    expect(() => renderManifest(template, options)).toThrow(message);
  });

  it('the structure check catches a broken manifest', () => {
    const good = renderManifest(template, { host: 'https://localhost:3000' });
    const broken = good
      .replace('lifetime="long"', 'lifetime="short"')
      .replace('resid="Functions.Metadata.Url"', 'resid="Nope"');
    expect(inspectManifest(broken).problems).toEqual([
      'SourceLocation resid="Nope" names no resource',
      'no <Runtime lifetime="long">',
    ]);
  });
});
