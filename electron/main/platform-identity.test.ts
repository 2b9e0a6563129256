/** Windows' AppUserModelId is the app's one id (the installer's appId); other platforms are not touched. */
import { describe, expect, it } from 'vitest';
import { applyPlatformIdentity } from './platform-identity';
import { APP_ID } from '../common/app-identity';

const fakeApp = () => {
  const ids: string[] = [];
  return { ids, setAppUserModelId: (id: string) => { ids.push(id); } };
};

describe('platform identity', () => {
  it('sets the AppUserModelId on Windows to APP_ID', () => {
    const app = fakeApp();
    applyPlatformIdentity(app, 'win32');
    expect(app.ids).toEqual([APP_ID]);
  });

  it('leaves macOS and Linux alone', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const app = fakeApp();
      applyPlatformIdentity(app, platform);
      expect(app.ids).toEqual([]);
    }
  });
});
