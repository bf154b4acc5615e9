import { z } from 'zod';

/** An IANA zone name the runtime's Intl knows, e.g. `Asia/Ho_Chi_Minh`. */
export const timeZoneSchema = z.string().max(100).refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a known time zone' },
);
