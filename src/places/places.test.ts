import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { dataPath } from '../data-path.ts';
import { Gazetteer, gazetteer } from './gazetteer.ts';
import { Geocoder } from './geocode.ts';

describe('gazetteer (shipped)', () => {
  const g = gazetteer();

  it('finds a place under any folded spelling, with or without the article', () => {
    assert.equal(g.lookup('سورية').find((e) => e.kind === 'country')?.country, 'SY');
    assert.equal(g.lookup('سوريا').find((e) => e.kind === 'country')?.country, 'SY');
    assert.ok(g.lookup('الموصل').some((e) => e.name === 'Mosul'));
    assert.ok(g.lookup('موصل').some((e) => e.name === 'Mosul'));
  });

  it('has the curated places GeoNames lacks, with coordinates', () => {
    for (const name of [
      'الجولان',
      'الغوطة الشرقية',
      'إدلب',
      'دير الزور',
      'عفرين',
      'سنجار',
      'الأنبار',
      'التنف',
    ]) {
      const e = g.lookup(name)[0];
      assert.ok(e, `${name} missing`);
      assert.ok(Number.isFinite(e.lat) && Number.isFinite(e.lon), name);
    }
  });

  it('maps demonyms and nisba adjectives to their country', () => {
    assert.equal(g.demonym('العراقي'), 'IQ');
    assert.equal(g.demonym('العراقية'), 'IQ');
    assert.equal(g.demonym('السوري'), 'SY');
    assert.equal(g.demonym('سورية'), 'SY');
    assert.equal(g.demonym('الحكومة'), null);
  });

  it('keeps no Persian, Kurdish, Urdu or Uyghur spellings', () => {
    const text = readFileSync(dataPath('gazetteer/gazetteer.tsv'), 'utf8');
    const names = text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t')[9] ?? '');
    const bad = names
      .flatMap((n) => n.split('|'))
      .filter((n) => /[^\u0621-\u064a\u064b-\u065f\u0670\s\-'()0-9]/.test(n));
    assert.deepEqual(bad, []);
  });
});

describe('geocoder', () => {
  // A made-up gazetteer: two towns called «الزهراء» in different countries, a province and its seat.
  const rows = [
    ['c:SY', 'country', 'SY', 'Syria', '33.5', '36.3', '0', '0', '0', 'سوريا|سورية'],
    ['c:IQ', 'country', 'IQ', 'Iraq', '33.3', '44.4', '0', '0', '0', 'العراق'],
    ['g:1', 'city', 'SY', 'Zahra SY', '35.0', '37.0', '20000', '1', '0', 'الزهراء'],
    ['g:2', 'city', 'IQ', 'Zahra IQ', '34.0', '43.0', '90000', '2', '0', 'الزهراء'],
    ['g:3', 'city', 'SY', 'Aleppo', '36.2', '37.15', '2000000', '3', '0', 'حلب'],
    ['r:SY.09', 'region', 'SY', 'Aleppo Governorate', '36.2', '37.15', '4000000', '0', '60', 'حلب'],
    ['g:4', 'city', 'SY', 'Suriya town', '35.5', '36.5', '50000', '4', '0', 'سوريا'],
    ['g:5', 'city', 'US', 'Brea', '33.9', '-117.9', '41944', '5', '0', 'بري'],
    ['g:6', 'city', 'SA', 'Al Bukayriyah', '26.1', '43.7', '30000', '6', '0', 'البكيرية'],
  ];
  const gaz = new Gazetteer(
    rows,
    [
      ['سوري', 'SY'],
      ['عراقي', 'IQ'],
    ],
    [
      ['مدينة', 'city'],
      ['محافظة', 'region'],
    ],
  );
  const geo = new Geocoder(gaz);
  const none = new Map<string, number>();

  it('takes a country named exactly over a town of that name', () => {
    assert.equal(geo.resolve(['سوريا'], { countries: none })?.entry.id, 'c:SY');
  });

  it('goes by population when nothing else tells', () => {
    assert.equal(geo.resolve(['الزهراء'], { countries: none })?.entry.id, 'g:2');
  });

  it('prefers the country the article is about', () => {
    const about = new Map([
      ['SY', 5],
      ['IQ', 1],
    ]);
    assert.equal(geo.resolve(['الزهراء'], { countries: about })?.entry.id, 'g:1');
  });

  it('prefers the country the sentence puts the place in over everything else', () => {
    const about = new Map([['IQ', 9]]);
    assert.equal(geo.resolve(['الزهراء'], { countries: about, container: 'SY' })?.entry.id, 'g:1');
  });

  it('reads a head noun: the bare name is the city, «محافظة» the province', () => {
    assert.equal(geo.resolve(['حلب'], { countries: none })?.entry.id, 'g:3');
    const r = geo.resolve(['محافظة حلب'], { countries: none });
    assert.equal(r?.entry.id, 'r:SY.09');
    assert.equal(r?.headKind, 'region');
    assert.equal(geo.resolve(['مدينة الزهراء'], { countries: none, container: 'SY' })?.entry.id, 'g:1');
  });

  it('puts a part of a place named by its direction at the place', () => {
    assert.equal(geo.resolve(['حلب الشرقية'], { countries: none })?.entry.id, 'g:3');
  });

  it('takes a small town outside the region only where the article or the sentence puts it', () => {
    const aboutIraqAndSyria = new Map([
      ['IQ', 9],
      ['SY', 7],
      ['US', 1],
    ]);
    // «جوي ثم بري» (by air, then by land) is not Brea, California.
    assert.equal(geo.resolve(['بري'], { countries: aboutIraqAndSyria }), null);
    assert.equal(geo.resolve(['بري'], { countries: aboutIraqAndSyria, container: 'US' })?.entry.id, 'g:5');
    assert.equal(geo.resolve(['بري'], { countries: new Map([['US', 3]]) })?.entry.id, 'g:5');
    // Small towns of the region are named in this news all the time: taken as before.
    assert.equal(geo.resolve(['البكيرية'], { countries: aboutIraqAndSyria })?.entry.id, 'g:6');
  });

  it('returns null for a name it does not know', () => {
    assert.equal(geo.resolve(['كوكب المريخ'], { countries: none }), null);
  });
});
