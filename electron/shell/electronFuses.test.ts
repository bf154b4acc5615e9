import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { expect, it } from 'vitest';

// Electron's security checklist item 19, "check which fuses you can change", is packaging, not code: the fuses
// are flipped in the binary electron-builder packs. The configuration is read and checked against the schema by
// electron-builder's own code, so a misspelt key (which electron-builder would reject, or a later version ignore)
// fails here rather than in a release build.
it('packages Electron with the fuses an attacker could use turned off', async () => {
  const config = await getConfig(process.cwd(), null, null);
  await validateConfiguration(config, new DebugLogger(false));
  expect(config.electronFuses).toEqual({
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  });
});
