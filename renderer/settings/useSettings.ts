import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defaultSettings, type Settings } from '../../shared/settings/settingsSchema';
import { api } from '../api/datelineApi';

/** The newsroom's settings, read once and kept in the query cache; `update` saves and refreshes them. */
export function useSettings(): { settings: Settings; update: (changes: Partial<Settings>) => Promise<Settings> } {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get({}), staleTime: Infinity });
  const mutation = useMutation({
    mutationFn: (changes: Partial<Settings>) => api.settings.update(changes),
    onSuccess: (saved) => queryClient.setQueryData(['settings'], saved),
  });
  return { settings: query.data ?? defaultSettings, update: mutation.mutateAsync };
}
