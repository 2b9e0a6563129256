/** A packaged app always loads app://workbench with DevTools off; the dev server is honoured only unpackaged and on loopback. */
import { describe, expect, it } from 'vitest';
import { rendererSource } from './renderer-source';

describe('renderer source', () => {
  it('a packaged app ignores ELECTRON_RENDERER_URL and has no DevTools', () => {
    expect(rendererSource({ isPackaged: true, devServerUrl: 'http://localhost:5173/' })).toEqual({ url: 'app://workbench/index.html', devTools: false });
    expect(rendererSource({ isPackaged: true, devServerUrl: 'https://evil.example/' })).toEqual({ url: 'app://workbench/index.html', devTools: false });
    expect(rendererSource({ isPackaged: true })).toEqual({ url: 'app://workbench/index.html', devTools: false });
  });

  it('an unpackaged build uses the loopback dev server when one is named, with DevTools', () => {
    expect(rendererSource({ isPackaged: false, devServerUrl: 'http://localhost:5173' })).toEqual({ url: 'http://localhost:5173/', devTools: true });
    expect(rendererSource({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173/' }).url).toBe('http://127.0.0.1:5173/');
    expect(rendererSource({ isPackaged: false })).toEqual({ url: 'app://workbench/index.html', devTools: true });
  });

  it('an unpackaged build refuses a dev server URL that is not loopback http(s), saying why', () => {
    expect(() => rendererSource({ isPackaged: false, devServerUrl: 'https://evil.example/' })).toThrow(/must be an http\(s\) address on this machine/);
    expect(() => rendererSource({ isPackaged: false, devServerUrl: 'file:///tmp/x.html' })).toThrow(/must be an http\(s\) address/);
    expect(() => rendererSource({ isPackaged: false, devServerUrl: 'http://localhost.evil.example/' })).toThrow(/must be an http\(s\) address/);
    expect(() => rendererSource({ isPackaged: false, devServerUrl: 'nonsense' })).toThrow(/is not a URL/);
  });
});
