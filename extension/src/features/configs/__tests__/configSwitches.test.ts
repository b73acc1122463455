import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readExtensionManifest } from '../../../test/unit/extensionManifest';
import { restartSettings } from '../../server/initializationOptions';
import { codeLensSetting, inlayHintsSetting, readConfigSwitches } from '../configSwitches';

describe('the code lens and inlay hint switches', () => {
  test('are on unless set off', () => {
    assert.deepEqual(readConfigSwitches(() => undefined), { inlayHints: true, codeLens: true });
    const off: Record<string, unknown> = { [inlayHintsSetting]: false };
    assert.deepEqual(readConfigSwitches((setting) => off[setting]), { inlayHints: false, codeLens: true });
  });

  test('count a value that is not a boolean as on', () => {
    const odd: Record<string, unknown> = { [inlayHintsSetting]: 'false', [codeLensSetting]: 0 };
    assert.deepEqual(readConfigSwitches((setting) => odd[setting]), { inlayHints: true, codeLens: true });
  });

  test('are declared on by default and switch live, without restarting the server', () => {
    const properties = readExtensionManifest().contributes.configuration.properties;
    for (const setting of [inlayHintsSetting, codeLensSetting]) {
      assert.equal(properties[setting]?.type, 'boolean', setting);
      assert.equal(properties[setting]?.default, true, setting);
      assert.ok(!restartSettings.some((restart) => setting.startsWith(restart)), `${setting} restarts the server`);
    }
  });

  test('leave ideTracker.configFiles to a restart, since it makes the client\'s document selector', () => {
    assert.ok(restartSettings.includes('ideTracker.configFiles'));
  });
});
