import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowNavigation,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isTrustedAppUrl,
  resolveBundlePath,
} from '../../../electron/main/trustedUrl';

const ORIGINS = [APP_ORIGIN, 'http://localhost:5173'];

describe('isTrustedAppUrl', () => {
  it('accepts the app bundle and the dev server', () => {
    expect(isTrustedAppUrl('app://workbench/index.html', ORIGINS)).toBe(true);
    expect(isTrustedAppUrl('app://workbench/assets/x.js?v=1#top', ORIGINS)).toBe(true);
    expect(isTrustedAppUrl('http://localhost:5173/', ORIGINS)).toBe(true);
  });

  it.each([
    'https://example.com.attacker.com/',
    'app://workbench.attacker.com/index.html',
    'app://workbench@attacker.com/',
    'app://user:pw@workbench/',
    'http://localhost:5174/',
    'https://localhost:5173/',
    'http://localhost.attacker.com:5173/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'about:blank',
    '',
    'app:/workbench',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedAppUrl(url, ORIGINS)).toBe(false);
    expect(allowNavigation(url, ORIGINS)).toBe(false);
  });

  it('refuses anything that is not a string', () => {
    for (const v of [undefined, null, 42, {}, ['app://workbench/'], new URL('app://workbench/')]) {
      expect(isTrustedAppUrl(v, ORIGINS)).toBe(false);
    }
  });

  it('a prefix of a trusted origin is never enough (property)', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        const url = `app://workbench.${domain}/index.html`;
        expect(isTrustedAppUrl(url, ORIGINS)).toBe(false);
      }),
    );
  });
});

describe('resolveBundlePath', () => {
  it('maps app URLs under the bundle directory', () => {
    expect(resolveBundlePath('app://workbench/', '/opt/app/renderer')).toBe('/opt/app/renderer/index.html');
    expect(resolveBundlePath('app://workbench/assets/a.js', '/opt/app/renderer/')).toBe(
      '/opt/app/renderer/assets/a.js',
    );
  });

  it.each([
    'app://workbench/../../etc/passwd',
    'app://workbench/assets/%2e%2e/%2e%2e/secret',
    'app://workbench/a%5c..%5csecret',
    'app://workbench/a%00b',
    'app://other/index.html',
    'https://workbench/index.html',
    'app://workbench/%E0%A4%A',
  ])('refuses %s', (url) => {
    const p = resolveBundlePath(url, '/opt/app/renderer');
    expect(p === null || (p.startsWith('/opt/app/renderer/') && !p.includes('..'))).toBe(true);
  });

  it('never leaves the bundle directory (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('..', '.', 'a', '%2e%2e', '%2f', 'b.js', ''), { maxLength: 8 }),
        (parts) => {
          const p = resolveBundlePath(`app://workbench/${parts.join('/')}`, '/opt/app/renderer');
          if (p !== null) {
            expect(p.startsWith('/opt/app/renderer/')).toBe(true);
            expect(p.split('/')).not.toContain('..');
          }
        },
      ),
    );
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows scripts only from the app itself', () => {
    // WebAssembly compilation (HiGHS) only: JavaScript eval and inline scripts stay refused.
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
