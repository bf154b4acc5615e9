import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/api/contract';
import type { LibraryProblem } from '../../shared/library/libraryProblem';
import { api } from '../api/datelineApi';
import { storyKeys } from './queries';

type LibraryStatus = MethodOutput<'library.status'>;

/**
 * What the reporter must know about the library itself: files found damaged and moved aside (each said in words,
 * with what it cost and what to do), and a library that cannot be saved to. It stays until dismissed, and comes
 * back after a restart until then, because the main process keeps it in the quarantine folder itself.
 */
export function LibraryProblems({ status }: { status: LibraryStatus | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: () => api.library.dismiss({}),
    onSuccess: (value) => queryClient.setQueryData<LibraryStatus>(storyKeys.libraryStatus, (old) => (old ? { ...old, quarantined: value.quarantined } : old)),
  });
  if (!status) return null;
  const problems = status.quarantined;
  return (
    <>
      {status.readOnly && (
        <p className="banner banner-warning" role="alert">
          {t('library.readOnly', { folder: status.dataDir })}
        </p>
      )}
      {problems.length > 0 && (
        <section className="banner banner-warning library-problems" role="alert" aria-label={t('library.quarantined', { count: problems.length })}>
          <p>{t('library.quarantined', { count: problems.length })}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem.id}>{t(`library.problem.${messageKey(problem)}`, { file: problem.file })}</li>
            ))}
          </ul>
          <p className="library-problems-folder">{t('library.quarantineFolder', { folder: quarantineFolderOf(status.dataDir) })}</p>
          <button type="button" onClick={() => dismiss.mutate()} disabled={dismiss.isPending}>
            {t('library.dismissProblems')}
          </button>
        </section>
      )}
    </>
  );
}

function messageKey(problem: LibraryProblem): LibraryProblem['kind'] | 'photoDerived' {
  return problem.kind === 'photo' && problem.file.startsWith('media/derived/') ? 'photoDerived' : problem.kind;
}

function quarantineFolderOf(dataDir: string): string {
  return `${dataDir}${dataDir.includes('\\') ? '\\' : '/'}quarantine`;
}
