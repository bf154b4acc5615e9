import { foldVietnamese } from '../text/foldVietnamese';
import type { MediaItem } from './mediaSchema';

type PhotoPlace = Pick<MediaItem, 'city'> & Partial<Pick<MediaItem, 'province' | 'country'>>;

// A photo with no place name has its GPS position as its city ("21.0285, 105.8542"), which is no dateline.
const position = /^-?\d+(\.\d+)?, -?\d+(\.\d+)?$/;
// A Vietnamese paper's dateline never names its own country.
const homeCountry = new Set(['viet nam', 'vietnam', 'vn', 'vnm', 'socialist republic of vietnam']);
const mostOffered = 4;

/**
 * The places a story's photos were taken, in the order the photos stand, to offer as its dateline (nơi viết):
 * each photo's city, then its province, then its country when that is not Việt Nam, each place once however
 * many photos name it.
 */
export function datelinePlaces(photos: readonly PhotoPlace[]): string[] {
  const places = new Map<string, string>();
  for (const photo of photos) {
    const country = photo.country?.trim();
    const candidates = [photo.city, photo.province, country && !homeCountry.has(foldVietnamese(country)) ? country : null];
    for (const candidate of candidates) {
      const place = candidate?.trim();
      if (!place || position.test(place)) continue;
      const key = foldVietnamese(place);
      if (!places.has(key)) places.set(key, place);
    }
  }
  return [...places.values()].slice(0, mostOffered);
}
