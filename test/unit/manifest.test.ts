// package.json's contributions hold together: VS Code drops a view entry it cannot read and, with it, the
// commands it derives (a merge once left a view without an id and the Tracked Wording view's focus command went
// missing), and it only warns, in its own log, about a menu item naming a command nobody contributes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    views: Record<string, { id?: string; name?: string }[]>;
    viewsContainers: Record<string, { id: string }[]>;
    viewsWelcome?: { view?: string; contents?: string }[];
    menus: Record<string, { command?: string; submenu?: string; when?: string }[]>;
    configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
const c = manifest.contributes;
const commands = new Set(c.commands.map((x) => x.command));

describe('package.json contributions', () => {
  it('gives every view an id and a name, each id once, in a contributed container', () => {
    const containers = new Set(Object.values(c.viewsContainers).flat().map((x) => x.id));
    const seen = new Set<string>();
    for (const [container, views] of Object.entries(c.views)) {
      assert.ok(containers.has(container) || container === 'explorer', `views of an unknown container ${container}`);
      for (const v of views) {
        assert.ok(v.id && v.name, `a view without id or name in ${container}: ${JSON.stringify(v)}`);
        assert.ok(!seen.has(v.id), `view ${v.id} twice`);
        seen.add(v.id);
      }
    }
    for (const w of c.viewsWelcome ?? []) assert.ok(w.view && seen.has(w.view) && w.contents, `a welcome for no view: ${JSON.stringify(w)}`);
  });

  it('contributes each command once, with a title, and names only contributed commands in menus', () => {
    assert.strictEqual(commands.size, c.commands.length, 'a command contributed twice');
    for (const x of c.commands) assert.ok(x.title, `${x.command} has no title`);
    for (const [menu, items] of Object.entries(c.menus)) {
      for (const item of items) {
        assert.ok(item.command ?? item.submenu, `an item of ${menu} names nothing`);
        if (item.command) assert.ok(commands.has(item.command), `${menu} names ${item.command}, which is not contributed`);
      }
    }
  });

  it('documents every setting', () => {
    for (const [key, p] of Object.entries(c.configuration.properties)) assert.ok(p.description ?? p.markdownDescription, `${key} has no description`);
  });
});
