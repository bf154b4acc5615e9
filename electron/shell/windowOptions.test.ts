import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { isAppUrl } from './appOrigin';
import { windowOptions } from './windowOptions';

describe('the main window', () => {
  it('is isolated, sandboxed and without Node, per Electron’s security checklist', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('fits a 1280×800 laptop screen', () => {
    const options = windowOptions('/p');
    expect(options.width).toBeLessThanOrEqual(1280);
    expect(options.height).toBeLessThanOrEqual(800);
  });
});

describe('the content security policy', () => {
  it('allows only the app’s own scripts, styles and connections', () => {
    const directives = new Map(contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('worker-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });
});

describe('isAppUrl', () => {
  it('trusts only the app’s own scheme, and the dev server in development', () => {
    expect(isAppUrl('app://dateline/index.html', undefined)).toBe(true);
    expect(isAppUrl('https://dateline.evil/index.html', undefined)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false);
    expect(isAppUrl('app://other/index.html', undefined)).toBe(false);
    expect(isAppUrl(undefined, undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
  });
});
