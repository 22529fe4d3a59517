/** Scanning, retyping and export slips in names and countries (text-slips.ts), as a user meets them on a manifest. */
import { describe, expect, it } from 'vitest';
import { countryCode } from '../../src/match/countries.js';
import { mendSlips } from '../../src/match/text-slips.js';
import { screenRow } from '../engine/screen-row.js';

describe('mendSlips', () => {
  it('reads the letters a scan confuses as the letters they stand for', () => {
    expect(mendSlips('LOCKHEED MARTlN CORPORATlON')).toBe('LOCKHEED MARTIN CORPORATION');
    expect(mendSlips('Huntington lngalls Industries, lnc.')).toBe('Huntington Ingalls Industries, Inc.');
    expect(mendSlips('Nationa1 Institute, NEC P1atforms, Te11urium')).toBe('National Institute, NEC Platforms, Tellurium');
    expect(mendSlips('L3HARRlS, C0RPORATION')).toBe('L3HARRIS, CORPORATION');
    expect(mendSlips('MHI ENGINE &amp; TURBOCHARGER &#39;A&#x26;B&#39;')).toBe("MHI ENGINE & TURBOCHARGER 'A&B'");
  });

  it('leaves codes, model numbers and ordinary words as they are', () => {
    for (const text of ['L3 Harris', '3M Japan', 'F-16 parts', 'A1 Logistics', 'Model10 Co', 'AD9361BBCZ', 'Gd2O3', 'S.r.l.', 'Intel Solutions', 'ln(2)']) {
      expect(mendSlips(text), text).toBe(text);
    }
  });
});

describe('names and countries with scanning slips', () => {
  const chairs = { description: 'Office chairs, mesh back', origin_country: 'CN', destination_country: 'US' };

  it('are the listed parties they spell', () => {
    expect(screenRow({ ...chairs, consignee: 'LOCKHEED MARTlN CORPORATlON' }).verdict).toBe('prohibited');
    expect(screenRow({ ...chairs, consignee: 'Anduri1 Industries' }).verdict).toBe('prohibited');
    expect(screenRow({ ...chairs, consignee: 'Teledyne FLlR, LLC' }).verdict).toBe('prohibited');
    const carbide = { description: 'Tungsten carbide powder WC', hs_code: '2849902000', origin_country: 'CN', destination_country: 'JP' };
    expect(screenRow({ ...carbide, consignee: 'MITSUBISHI HEAVY INDUSTRIES ENGINE &amp; TURBOCHARGER, LTD.' }).verdict).toBe('prohibited');
    expect(screenRow({ ...chairs, destination_country: 'JP', consignee: 'Nationa1 lnstitute for Defense Studies' }).verdict).toBe('review');
  });

  it('leave a country readable', () => {
    expect(countryCode('CHlNA')).toBe('CN');
    expect(countryCode('JAPAN')).toBe('JP');
  });
});
