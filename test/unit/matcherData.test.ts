// The entity matcher as the build's snapshot keeps it (src/core/entities/matcherData.ts): read back, it must be
// the matcher compiling gives, field for field; data of another shape is refused, never half used.
import * as assert from 'assert';
import { compileEntities } from '../../src/core/entities/matcher';
import { matcherFromData, matcherToData } from '../../src/core/entities/matcherData';
import { findEntitiesInSpan } from '../../src/core/entities/entities';
import type { EntityEntry } from '../../src/core/types';
import { compiledBuiltins } from './helpers';

const roundTrip = (entries: EntityEntry[]) => matcherFromData(JSON.parse(JSON.stringify(matcherToData(compileEntities(entries)))), entries);

describe('entity matcher data', () => {
  it('reads back as the matcher compiling the built-in entries gives', () => {
    const entries = compiledBuiltins().lexicon.entities;
    assert.deepStrictEqual(roundTrip(entries), compileEntities(entries));
  });

  it('keeps what each spelling decides: demonyms, hyphen variants, exact and proper rules, later entries first', () => {
    const entry = (e: Pick<EntityEntry, 'id' | 'name' | 'type'> & Partial<EntityEntry>): EntityEntry => ({ aliases: [], definition: '', facts: [], topics: [], ...e });
    const entries: EntityEntry[] = [
      entry({ id: 'indo-pacific', name: 'Indo-Pacific', type: 'place', aliases: ['the Indo Pacific'] }),
      entry({ id: 'japan', name: 'Japan', type: 'place', aliases: ['JPN'], demonyms: ['Japanese'] }),
      entry({ id: 'covid-19', name: 'COVID-19', type: 'other', aliases: ['Covid-19'] }),
      entry({ id: 'bbb', name: 'Build Back Better', type: 'initiative' }),
      entry({ id: 'japan-2', name: 'Japan', type: 'org' }),
    ];
    const back = roundTrip(entries);
    assert.deepStrictEqual(back, compileEntities(entries));
    const text = 'Japanese and JPN officials met on the Indo Pacific, Covid-19 and Build Back Better; Japan too.';
    assert.ok(back);
    const idsOf = (m: NonNullable<typeof back>) => findEntitiesInSpan(text, { start: 0, end: text.length }, m).map((e) => `${e.id}:${text.slice(e.start, e.end)}`);
    assert.deepStrictEqual(idsOf(back), idsOf(compileEntities(entries)));
  });

  it('refuses data of another shape or for other entries', () => {
    const entries = compiledBuiltins().lexicon.entities.slice(0, 40);
    const data = JSON.parse(JSON.stringify(matcherToData(compileEntities(entries))));
    for (const junk of [undefined, null, 7, {}, { ...data, keys: 'x' }, { ...data, fromRoot: [1] }, { ...data, refs: [[0, 1]] }, { ...data, refs: [[0, 0, 'a', 0, ['a'], 'z', 0]] }]) {
      assert.strictEqual(matcherFromData(junk, entries), undefined);
    }
    assert.strictEqual(matcherFromData(data, entries.slice(0, 3)), undefined, 'a ref naming an entry the list does not have');
  });
});
