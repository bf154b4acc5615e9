import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './defaultDataDir';

describe('defaultDataDir', () => {
  it('honours DATELINE_DATA_DIR', () => {
    expect(defaultDataDir({ DATELINE_DATA_DIR: '/srv/stories' }, 'linux')).toBe('/srv/stories');
  });

  it("matches Electron's userData/library on each platform", () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/an/.config' }, 'linux')).toBe('/home/an/.config/Dateline/library');
    expect(defaultDataDir({ APPDATA: 'C:/Users/An/AppData/Roaming' }, 'win32')).toMatch(/Roaming[\\/]Dateline[\\/]library$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library[\\/]Application Support[\\/]Dateline[\\/]library$/);
  });
});
