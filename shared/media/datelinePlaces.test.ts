import { describe, expect, it } from 'vitest';
import { datelinePlaces } from './datelinePlaces';

describe('the places a story\'s photos offer as its dateline', () => {
  it('offers each photo\'s city, then its province, once each, in the order of the photos', () => {
    const photos = [
      { city: 'Hạ Long', province: 'Quảng Ninh', country: 'Việt Nam' },
      { city: 'Cẩm Phả', province: 'Quảng Ninh', country: 'Việt Nam' },
      { city: 'Hạ Long', province: null, country: null },
    ];
    expect(datelinePlaces(photos)).toEqual(['Hạ Long', 'Quảng Ninh', 'Cẩm Phả']);
  });

  it('names a foreign country, never Việt Nam however it is written', () => {
    expect(datelinePlaces([{ city: 'Paris', province: 'Île-de-France', country: 'Pháp' }])).toEqual(['Paris', 'Île-de-France', 'Pháp']);
    for (const home of ['Việt Nam', 'Viet Nam', 'VIETNAM', 'VN']) expect(datelinePlaces([{ city: null, province: null, country: home }])).toEqual([]);
  });

  it('offers no GPS position, no blank and nothing for photos without a place, and old index entries without a province', () => {
    expect(datelinePlaces([{ city: '21.0285, 105.8542' }, { city: '  ' }, { city: null, province: null, country: null }])).toEqual([]);
    expect(datelinePlaces([{ city: 'Hà Nội' }])).toEqual(['Hà Nội']);
  });

  it('counts "Ha Long" and "Hạ Long" as one place, the first spelling kept', () => {
    expect(datelinePlaces([{ city: 'Hạ Long' }, { city: 'Ha Long' }])).toEqual(['Hạ Long']);
  });
});
