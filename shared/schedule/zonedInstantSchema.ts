import { z } from 'zod';
import { timeZoneSchema } from './timeZoneSchema';

/**
 * A moment the desk planned, kept as an absolute instant (UTC) together with the zone it was picked in. The
 * instant is what a CMS and a clock compare; the zone says which calendar day and hour the reporter meant, so
 * a story set for 06:00 in Hà Nội stays on that day's page wherever the laptop travels.
 */
export const zonedInstantSchema = z
  .object({
    /** UTC, with a `Z`: one spelling per instant, so instants compare as strings. */
    at: z.iso.datetime(),
    timeZone: timeZoneSchema,
  })
  .strict();
export type ZonedInstant = z.infer<typeof zonedInstantSchema>;

/** An ISO 8601 instant with any offset (`2026-05-14T06:00:00+07:00`), as the API accepts one. */
export const instantInputSchema = z.iso.datetime({ offset: true });

/** The instant `iso` (any offset) in the zone it was picked in, spelt in UTC. */
export function zonedInstant(iso: string, timeZone: string): ZonedInstant {
  return { at: new Date(iso).toISOString(), timeZone };
}
