import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Story } from '../../shared/story/storySchema';
import { api } from '../api/datelineApi';
import { checklistText } from './checklistText';
import { storyKeys } from '../library/queries';

/**
 * Under the status of an approved, scheduled or published story that an edit has made unfit to go out (its
 * sapo emptied, a caption taken away): what holds it back, checked again after every save, the same rules the
 * outbox holds its delivery by. It stays until the story is mended.
 */
export function HoldNotice({ story }: { story: Story }) {
  const { t } = useTranslation();
  const heldAs = story.status === 'ready' || story.status === 'scheduled' || story.status === 'published' ? story.status : null;
  const onItsWay = story.trashedAt === null && heldAs !== null;
  const holds = useQuery({
    queryKey: storyKeys.holds(story.id, story.revision),
    queryFn: () => api.stories.holds({ id: story.id }),
    enabled: onItsWay,
    placeholderData: (previous) => previous,
  });
  const items = onItsWay ? (holds.data?.items ?? []) : [];
  if (!items.length || !heldAs) return null;
  return (
    <div className="hold-notice" role="status" data-testid="hold-notice">
      <p className="hold-notice-title">{t(`workflow.held.${heldAs}`)}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id} data-field={item.field}>
            {checklistText(t, item)}
          </li>
        ))}
      </ul>
      <p className="hold-notice-hint">{t(story.status === 'ready' ? 'workflow.held.hintReady' : 'workflow.held.hint')}</p>
    </div>
  );
}
