import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defaultSettings, type Settings } from '../../shared/settings/settingsSchema';
import { api } from '../api/datelineApi';
import { settingsKeys } from './queries';


/** A change, or a change built from the settings as last saved (for a part of a nested setting). */
export type SettingsChange = Partial<Settings> | ((saved: Settings) => Partial<Settings>);

/**
 * The newsroom's settings, read once and kept in the query cache; `update` saves and refreshes them.
 * Saves run one after another and a change built from the saved settings reads them when its turn comes:
 * a switch flipped and a folder typed in quick succession both stick, instead of the second save
 * sending back the switch's old position.
 */
export function useSettings(): { settings: Settings; update: (change: SettingsChange) => Promise<Settings> } {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: settingsKeys.settings, queryFn: () => api.settings.get({}), staleTime: Infinity });
  const mutation = useMutation({
    scope: { id: 'settings' },
    mutationFn: (change: SettingsChange) => {
      const saved = queryClient.getQueryData<Settings>(settingsKeys.settings) ?? defaultSettings;
      return api.settings.update(typeof change === 'function' ? change(saved) : change);
    },
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.settings, saved),
  });
  return { settings: query.data ?? defaultSettings, update: mutation.mutateAsync };
}
