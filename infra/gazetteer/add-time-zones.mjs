// Adds the IANA time zone of each gazetteer city as a last column `time_zone`, from its coordinates, with
// @photostructure/tz-lookup 11.7.0 (CC0-1.0; zone boundaries from timezone-boundary-builder, OpenStreetMap).
// Run once when the city files change, from this directory:
//   npm install --no-save @photostructure/tz-lookup@11.7.0 && node add-time-zones.mjs
// The zones are then part of the committed CSVs: nothing runs at build or run time.
import { readFileSync, writeFileSync } from 'node:fs';
import tzlookup from '@photostructure/tz-lookup';

const dir = new URL('../../domain/src/main/resources/gazetteer/', import.meta.url);
for (const file of ['us-cities-50k.csv', 'eu-cities-100k.csv']) {
  const lines = readFileSync(new URL(file, dir), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const [header, ...rows] = lines;
  const columns = header.split(',');
  const hasZone = columns.at(-1) === 'time_zone';
  const out = [hasZone ? header : `${header},time_zone`];
  for (const row of rows) {
    const fields = row.split(',');
    const base = hasZone ? fields.slice(0, -1) : fields;
    const [lat, lon] = base.slice(-2).map(Number);
    out.push(`${base.join(',')},${tzlookup(lat, lon)}`);
  }
  writeFileSync(new URL(file, dir), out.join('\n') + '\n');
}
