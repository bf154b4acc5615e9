import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Story } from '../../shared/story/storySchema';
import { api } from '../api/datelineApi';

/**
 * Under the status of an approved, scheduled or published story that an edit has made unfit to go out (its
 * sapo emptied, a caption taken away): what holds it back, checked again after every save, the same rules the
 * outbox holds its delivery by. It stays until the story is mended.
 */
export function HoldNotice({ story }: { story: Story }) {
  const { t } = useTranslation();
  const onItsWay = story.trashedAt === null && (story.status === 'ready' || story.status === 'scheduled' || story.status === 'published');
  const holds = useQuery({
    queryKey: ['story.holds', story.id, story.revision],
    queryFn: () => api.stories.holds({ id: story.id }),
    enabled: onItsWay,
    placeholderData: (previous) => previous,
  });
  const items = onItsWay ? (holds.data?.items ?? []) : [];
  if (!items.length) return null;
  return (
    <div className="hold-notice" role="status" data-testid="hold-notice">
      <p className="hold-notice-title">{t(`workflow.held.${story.status}`)}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id} data-field={item.field}>
            {t(item.messageKey, item.params)}
          </li>
        ))}
      </ul>
      <p className="hold-notice-hint">{t(story.status === 'ready' ? 'workflow.held.hintReady' : 'workflow.held.hint')}</p>
    </div>
  );
}
