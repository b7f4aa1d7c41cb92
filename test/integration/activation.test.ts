// The extension loads in a real VS Code and claims .readout files.
import * as assert from 'assert';
import { EXTENSION_ID, activateExtension, openSeed } from './util';

describe('activation', () => {
  it('opens the seed readout in the readout language', async () => {
    const doc = await openSeed();
    assert.strictEqual(doc.languageId, 'readout');
  });

  it('is active once a readout is open', async () => {
    await openSeed();
    const ext = await activateExtension();
    assert.ok(ext.isActive, `${EXTENSION_ID} should be active`);
  });

});
