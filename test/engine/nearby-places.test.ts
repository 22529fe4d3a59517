/** A military site named only as where a civil user is near is not whom the goods are for (nearby-places.ts). */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const bismuth = { description: 'Bismuth ingot 99.99%', hs_code: '8106101091', origin_country: 'CN', destination_country: 'JP' };

describe('a place named as where the user is near', () => {
  it('leaves an identified item a licence, in the end use and in the party cells', () => {
    for (const end_use of ['pipe-fittings maker near Sasebo naval port', '沖縄市役所（嘉手納基地隣接）市民課', '咖啡馆（百里基地附近）', '厚木基地の近くの倉庫']) {
      expect(screenRow({ ...bismuth, end_use }).verdict, end_use).toBe('license');
    }
    expect(screenRow({ ...bismuth, consignee: 'Kisarazu city garden-supply store (near JGSDF Camp Kisarazu)' }).verdict).toBe('license');
  });

  it('still reads the military user the same text names as the recipient', () => {
    expect(screenRow({ ...bismuth, end_use: 'warehouse near Camp Zama for JGSDF 4th Division' }).verdict).toBe('prohibited');
    expect(screenRow({ ...bismuth, end_use: 'near infrared sight for JGSDF' }).verdict).toBe('prohibited');
    expect(screenRow({ ...bismuth, consignee: 'JGSDF Camp Kisarazu, near Kisarazu station' }).verdict).toBe('prohibited');
  });
});
