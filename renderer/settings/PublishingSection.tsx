import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/api/contract';
import { DatelineError } from '../../shared/api/DatelineError';
import type { PublishingStatus, PublishTarget } from '../../shared/publish/outboxSchema';
import type { Settings } from '../../shared/settings/settingsSchema';
import { api } from '../api/datelineApi';
import { optionalKey, type Translate } from '../i18n/messageKey';
import { useSettings } from './useSettings';
import { settingsKeys } from './queries';
import './publishing.css';

type TargetStatus = PublishingStatus['targets'][number];
type ConnectionTest = MethodOutput<'publishing.test'>;


/**
 * "Xuất bản" in the settings: the paper's WordPress site and a folder, each switched on or off, with what it
 * needs and a button that tries it. The Application Password is sent once and never shown back; the section
 * says only whether one is kept, and how.
 */
export function PublishingSection() {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: settingsKeys.publishingStatus, queryFn: () => api.publishing.status({}) });
  const of = (target: PublishTarget) => status.data?.targets.find((entry) => entry.target === target);
  return (
    <section className="publishing-section" aria-labelledby="publishing-title">
      <h3 id="publishing-title">{t('publishing.title')}</h3>
      <p className="publishing-hint">{t('publishing.hint')}</p>
      <WordPressTarget status={of('wordpress')} />
      <FolderTarget status={of('folder')} />
    </section>
  );
}

/** Saves a target's settings and refreshes what the section shows of it. */
function useTargetSettings() {
  const { settings, update } = useSettings();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (change: (saved: Settings) => Pick<Partial<Settings>, 'wordpressTarget' | 'folderTarget'>) => update(change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.publishingStatus }),
  });
  return { settings, save, queryClient };
}

function WordPressTarget({ status }: { status: TargetStatus | undefined }) {
  const { t } = useTranslation();
  const { settings, save, queryClient } = useTargetSettings();
  const current = settings.wordpressTarget;
  const [url, setUrl] = useState<string | null>(null);
  const [user, setUser] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const fromEnvironment = status?.source === 'environment';
  const keepPassword = useMutation({
    mutationFn: (value: string) => api.publishing.setPassword({ target: 'wordpress', password: value }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.publishingStatus, saved),
  });
  const test = useMutation({ mutationFn: () => api.publishing.test({ target: 'wordpress' }) });
  const dirty = url !== null || user !== null || password !== '';

  const saveAll = async () => {
    if (url !== null || user !== null) await save.mutateAsync((saved) => ({ wordpressTarget: { ...saved.wordpressTarget, url: (url ?? current.url).trim(), user: (user ?? current.user).trim() } }));
    setUrl(null);
    setUser(null);
    if (password) {
      await keepPassword.mutateAsync(password);
      setPassword('');
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    test.reset();
    void saveAll().catch(() => undefined);
  };
  const tryIt = async () => {
    test.reset();
    try {
      if (dirty) await saveAll();
    } catch {
      return;
    }
    test.mutate();
  };
  const problem = save.error ?? keepPassword.error;

  return (
    <TargetFieldset
      legend={t('publishing.wordpress.legend')}
      switchLabel={t('publishing.wordpress.enable')}
      enabled={fromEnvironment || current.enabled}
      switchDisabled={fromEnvironment || save.isPending}
      onToggle={(enabled) => save.mutateAsync((saved) => ({ wordpressTarget: { ...saved.wordpressTarget, enabled } }))}
      status={status}
    >
      {fromEnvironment && <p className="publishing-note">{t('publishing.wordpress.environment')}</p>}
      <form className="publishing-form" onSubmit={submit}>
        <label className="field">
          <span>{t('publishing.wordpress.url')}</span>
          <input
            type="url"
            inputMode="url"
            value={fromEnvironment ? '' : (url ?? current.url)}
            placeholder={fromEnvironment ? t('publishing.wordpress.fromEnvironment') : 'https://baotinh.vn'}
            disabled={fromEnvironment}
            spellCheck={false}
            onChange={(event) => setUrl(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('publishing.wordpress.user')}</span>
          <input
            value={fromEnvironment ? '' : (user ?? current.user)}
            placeholder={fromEnvironment ? t('publishing.wordpress.fromEnvironment') : ''}
            disabled={fromEnvironment}
            spellCheck={false}
            autoComplete="username"
            onChange={(event) => setUser(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('publishing.wordpress.password')}</span>
          <input
            type="password"
            value={password}
            placeholder={status?.hasPassword ? t('publishing.wordpress.passwordKept') : 'xxxx xxxx xxxx xxxx xxxx xxxx'}
            disabled={fromEnvironment}
            autoComplete="new-password"
            spellCheck={false}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <p className="publishing-note" data-testid="password-storage">
          {passwordNote(status, t)}
          {status?.hasPassword && !fromEnvironment && (
            <>
              {' '}
              <button type="button" className="publishing-link-button" disabled={keepPassword.isPending} onClick={() => keepPassword.mutate('')}>
                {t('publishing.wordpress.forget')}
              </button>
            </>
          )}
        </p>
        <div className="publishing-actions">
          {!fromEnvironment && (
            <button type="submit" className="quiet-button publishing-save" disabled={!dirty || save.isPending || keepPassword.isPending}>
              {t('publishing.save')}
            </button>
          )}
          <button type="button" className="primary-button" disabled={test.isPending} onClick={() => void tryIt()}>
            {test.isPending ? t('publishing.testing') : t('publishing.wordpress.test')}
          </button>
        </div>
      </form>
      {problem && (
        <p className="publishing-result is-failed" role="alert">
          {saveProblem(problem, 'wordpress', t)}
        </p>
      )}
      <TestResult target="wordpress" result={test.data} error={test.error} />
    </TargetFieldset>
  );
}

function FolderTarget({ status }: { status: TargetStatus | undefined }) {
  const { t } = useTranslation();
  const { settings, save } = useTargetSettings();
  const current = settings.folderTarget;
  const [path, setPath] = useState<string | null>(null);
  const test = useMutation({ mutationFn: () => api.publishing.test({ target: 'folder' }) });

  const savePath = async () => {
    if (path === null) return;
    await save.mutateAsync((saved) => ({ folderTarget: { ...saved.folderTarget, path: path.trim() } }));
    setPath(null);
  };
  const tryIt = async () => {
    test.reset();
    try {
      await savePath();
    } catch {
      return;
    }
    test.mutate();
  };

  return (
    <TargetFieldset
      legend={t('publishing.folder.legend')}
      switchLabel={t('publishing.folder.enable')}
      enabled={current.enabled}
      switchDisabled={save.isPending}
      onToggle={(enabled) => save.mutateAsync((saved) => ({ folderTarget: { ...saved.folderTarget, enabled } }))}
      status={status}
    >
      <form
        className="publishing-form"
        onSubmit={(event) => {
          event.preventDefault();
          test.reset();
          void savePath().catch(() => undefined);
        }}
      >
        <label className="field">
          <span>{t('publishing.folder.path')}</span>
          <input value={path ?? current.path} placeholder={t('publishing.folder.placeholder')} spellCheck={false} onChange={(event) => setPath(event.target.value)} />
        </label>
        <p className="publishing-note">{t('publishing.folder.hint')}</p>
        <div className="publishing-actions">
          <button type="submit" className="quiet-button publishing-save" disabled={path === null || save.isPending}>
            {t('publishing.save')}
          </button>
          <button type="button" className="primary-button" disabled={test.isPending} onClick={() => void tryIt()}>
            {test.isPending ? t('publishing.testing') : t('publishing.folder.test')}
          </button>
        </div>
      </form>
      {save.error && (
        <p className="publishing-result is-failed" role="alert">
          {saveProblem(save.error, 'folder', t)}
        </p>
      )}
      <TestResult target="folder" result={test.data} error={test.error} />
    </TargetFieldset>
  );
}

interface TargetFieldsetProps {
  legend: string;
  switchLabel: string;
  enabled: boolean;
  switchDisabled: boolean;
  /** Saves the switch; it shows the new position at once and settles on what was saved. */
  onToggle: (enabled: boolean) => Promise<unknown>;
  status: TargetStatus | undefined;
  children: ReactNode;
}

/** One target: its name, the switch that turns it on, whether it is ready to send, and its fields. */
function TargetFieldset({ legend, switchLabel, enabled, switchDisabled, onToggle, status, children }: TargetFieldsetProps) {
  const { t } = useTranslation();
  const stateId = useId();
  const [wanted, setWanted] = useState<boolean | null>(null);
  const shown = wanted ?? enabled;
  const state = !shown ? 'off' : status?.ready ? 'ready' : 'incomplete';
  const toggle = (next: boolean) => {
    setWanted(next);
    onToggle(next)
      .catch(() => undefined)
      .finally(() => setWanted(null));
  };
  return (
    <fieldset className={`publishing-target is-${state}`}>
      <legend>{legend}</legend>
      <div className="publishing-switch-row">
        <label className="publishing-switch">
          <input type="checkbox" role="switch" checked={shown} disabled={switchDisabled} aria-describedby={stateId} onChange={(event) => toggle(event.target.checked)} />
          <span>{switchLabel}</span>
        </label>
        <span id={stateId} className={`publishing-state is-${state}`}>
          {t(`publishing.state.${state}`)}
        </span>
      </div>
      {children}
    </fieldset>
  );
}

/** What "Kiểm tra" found, in the reporter's words; kept on screen until the next try. */
function TestResult({ target, result, error }: { target: PublishTarget; result: ConnectionTest | undefined; error: Error | null }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <p className="publishing-result is-failed" role="alert">
        {t('publishing.test.other', { message: error.message })}
      </p>
    );
  }
  if (!result) return null;
  return result.ok ? (
    <p className="publishing-result is-ok" role="status">
      {t(`publishing.test.ok_${target}`, { name: result.message, path: result.message })}
    </p>
  ) : (
    <p className="publishing-result is-failed" role="alert">
      {t([optionalKey(`publishing.test.${result.code ?? 'other'}_${target}`), optionalKey(`publishing.test.${result.code ?? 'other'}`), 'publishing.test.other'], { message: result.message })}
    </p>
  );
}

/** Whether a password is kept, and where: encrypted on this machine, only for this session, or the web host's environment. */
function passwordNote(status: TargetStatus | undefined, t: Translate): string {
  if (!status) return '';
  if (status.passwordStorage === 'environment') return t('publishing.wordpress.storedEnvironment');
  if (!status.hasPassword) return t(status.passwordStorage === 'session' ? 'publishing.wordpress.noPasswordSession' : 'publishing.wordpress.noPassword');
  return t(status.passwordStorage === 'encrypted' ? 'publishing.wordpress.storedEncrypted' : 'publishing.wordpress.storedSession');
}

/** Why the settings were not saved: an address or a folder the settings refuse, or the disk. */
function saveProblem(error: Error, target: PublishTarget, t: Translate): string {
  const code = error instanceof DatelineError ? error.code : 'internal';
  if (code === 'invalid_input') return t(`publishing.invalid.${target}`);
  return t('publishing.saveFailed', { message: error.message });
}
