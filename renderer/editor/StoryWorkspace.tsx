import { useQuery } from '@tanstack/react-query';
import { useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DatelineError } from '../../shared/api/DatelineError';
import { parseTags } from '../../shared/story/parseTags';
import type { Story } from '../../shared/story/storySchema';
import { countWords } from '../../shared/text/countWords';
import { api } from '../api/datelineApi';
import { StatusBar } from '../app/StatusBar';
import { Inspector } from '../inspector/Inspector';
import { BodyEditor } from './BodyEditor';
import { SaveIndicator } from './SaveIndicator';
import { useAutosave } from './useAutosave';

export interface StoryFields {
  headline: string;
  sapo: string;
  category: string;
  /** As typed, comma-separated; parsed into the story's tags when saved. */
  tags: string;
  byline: string;
}

interface StoryWorkspaceProps {
  id: string;
  isNew: boolean;
  onTrash: (story: Story) => void;
  onRestore: (story: Story) => void;
}

/** The open story: its text in the centre, its details on the right, its save state in the bottom bar. */
export function StoryWorkspace({ id, isNew, onTrash, onRestore }: StoryWorkspaceProps) {
  const { t } = useTranslation();
  // Loaded once per opening: the editor owns the text from then on, so a refetch must never overwrite it.
  const query = useQuery({ queryKey: ['story', id], queryFn: () => api.stories.get({ id }), staleTime: Infinity, gcTime: 0 });
  if (query.isPending) return <EmptyWorkspace message={t('editor.loading')} />;
  if (query.isError) return <EmptyWorkspace message={t('editor.loadFailed', { message: query.error.message })} />;
  return <LoadedStory story={query.data} isNew={isNew} onTrash={onTrash} onRestore={onRestore} />;
}

export function EmptyWorkspace({ message }: { message: string }) {
  return (
    <>
      <main className="editor-pane editor-empty">
        <p>{message}</p>
      </main>
      <aside className="inspector-pane" />
      <StatusBar />
    </>
  );
}

/** `story` follows the latest save; only its first value seeds the fields and the editor. */
function LoadedStory({ story, isNew, onTrash, onRestore }: { story: Story; isNew: boolean; onTrash: (story: Story) => void; onRestore: (story: Story) => void }) {
  const { t } = useTranslation();
  const { controller, saveState } = useAutosave(story);
  const [opened] = useState(story);
  const [fields, setFields] = useState<StoryFields>({
    headline: opened.headline,
    sapo: opened.sapo,
    category: opened.category,
    tags: opened.tags.join(', '),
    byline: opened.byline,
  });
  const [bodyWords, setBodyWords] = useState<number | null>(null);

  const change = (changes: Partial<StoryFields>) => {
    setFields((current) => ({ ...current, ...changes }));
    const { tags, ...rest } = changes;
    controller.change(tags === undefined ? rest : { ...rest, tags: parseTags(tags) });
  };
  const flush = () => void controller.flush();
  const onTextSettled = useCallback((text: string) => setBodyWords(countWords(text)), []);
  const keepMine = () => {
    const error = saveState.kind === 'failed' ? saveState.error : null;
    const current = error instanceof DatelineError ? (error.details as { currentRevision?: number } | undefined)?.currentRevision : undefined;
    if (current !== undefined) void controller.keepMine(current);
  };
  const focusNext = (selector: string) => (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    document.querySelector<HTMLElement>(selector)?.focus();
  };
  const trash = async () => {
    await controller.flush();
    onTrash(await api.stories.trash({ id: opened.id }));
  };
  const restore = async () => onRestore(await api.stories.restore({ id: opened.id }));

  return (
    <>
      <main className="editor-pane">
        <div className="page">
          {story.trashedAt ? (
            <div className="banner banner-trash" role="status">
              <span>{t('editor.inTrash')}</span>
              <button type="button" onClick={() => void restore()}>{t('library.restore')}</button>
            </div>
          ) : (
            <div className="page-actions">
              <button type="button" className="quiet-button" onClick={() => void trash()}>{t('library.moveToTrash')}</button>
            </div>
          )}
          <textarea
            className="headline-input"
            aria-label={t('editor.headline')}
            placeholder={t('editor.headlinePlaceholder')}
            rows={1}
            autoFocus={isNew}
            value={fields.headline}
            onChange={(e) => change({ headline: e.target.value.replace(/\n/g, ' ') })}
            onKeyDown={focusNext('.sapo-input')}
            onBlur={flush}
          />
          <textarea
            className="sapo-input"
            aria-label={t('editor.sapo')}
            placeholder={t('editor.sapoPlaceholder')}
            rows={2}
            value={fields.sapo}
            onChange={(e) => change({ sapo: e.target.value })}
            onKeyDown={focusNext('.story-body')}
            onBlur={flush}
          />
          <BodyEditor initialBody={opened.body} controller={controller} onTextSettled={onTextSettled} />
        </div>
      </main>
      <Inspector story={story} fields={fields} onChange={change} onBlur={flush} />
      <StatusBar
        saveIndicator={<SaveIndicator state={saveState} onRetry={flush} onKeepMine={keepMine} />}
        words={bodyWords === null ? undefined : countWords(fields.sapo) + bodyWords}
      />
    </>
  );
}
