import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OutboxItem, OutboxList } from '../../shared/publish/outboxSchema';
import { api } from '../api/datelineApi';
import { jobsByStory, outboxPollInterval } from './outboxFacts';
import { outboxKeys } from './queries';

/** The one query every outbox view shares: the panel, the bottom bar, the story list and the workflow panel. */

const listOutbox = () => api.outbox.list({});

/**
 * The poller, mounted once (OutboxHost): every 2 s while a job is queued or being sent, else every 15 s.
 * Only this observer sets an interval, so the views reading the same query do not each start their own.
 */
export function useOutboxPolling(): void {
  useQuery({ queryKey: outboxKeys.list, queryFn: listOutbox, refetchInterval: (query) => outboxPollInterval(query.state.data?.items) });
}

/** The outbox's jobs, newest change first, from the shared query; the poller keeps them fresh. */
export function useOutbox() {
  return useQuery({ queryKey: outboxKeys.list, queryFn: listOutbox, staleTime: 2_000 });
}

const selectByStory = (list: OutboxList) => jobsByStory(list.items);
const noJobs = new Map<string, OutboxItem>();

/** Each story's most telling job by story id, for the list's badges; the map changes only when the outbox does. */
export function useJobsByStory(): Map<string, OutboxItem> {
  return useQuery({ queryKey: outboxKeys.list, queryFn: listOutbox, staleTime: 2_000, select: selectByStory }).data ?? noJobs;
}

const selectSent = (list: OutboxList) => new Set(list.sent);
const noneSent: ReadonlySet<string> = new Set();

/** The stories some target holds now: a scheduled or published story not among them went nowhere. */
export function useSentStories(): ReadonlySet<string> {
  return useQuery({ queryKey: outboxKeys.list, queryFn: listOutbox, staleTime: 2_000, select: selectSent }).data ?? noneSent;
}

/** The outbox's actions; each answers with the whole outbox, which replaces the cached one at once. */
export function useOutboxActions() {
  const queryClient = useQueryClient();
  const replace = (list: OutboxList) => queryClient.setQueryData(outboxKeys.list, list);
  return {
    flush: useMutation({ mutationFn: () => api.outbox.flush({}), onSuccess: replace }),
    push: useMutation({ mutationFn: (storyId: string) => api.outbox.push({ storyId }), onSuccess: replace }),
    retry: useMutation({ mutationFn: (jobId: string) => api.outbox.retry({ jobId }), onSuccess: replace }),
    cancel: useMutation({ mutationFn: (jobId: string) => api.outbox.cancel({ jobId }), onSuccess: replace }),
    publishNow: useMutation({ mutationFn: (jobId: string) => api.outbox.publishNow({ jobId }), onSuccess: replace }),
  };
}

/** When the connection comes back, everything waiting goes at once instead of at its next backoff. */
export function useFlushWhenOnline(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const flush = () =>
      api.outbox
        .flush({})
        .then((list) => queryClient.setQueryData(outboxKeys.list, list))
        .catch(() => undefined);
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [queryClient]);
}
