import type { MethodOutput } from '../../shared/api/contract';
import type { PublishingStatus, PublishTarget } from '../../shared/publish/outboxSchema';
import type { Logger } from '../log/Logger';
import type { MediaLibrary } from '../media/MediaLibrary';
import type { SettingsStore } from '../settings/SettingsStore';
import { DeliveryFailure } from './DeliveryFailure';
import { FolderTarget } from './FolderTarget';
import type { PublishingCredentials } from './PublishingCredentials';
import type { PublishTargetDriver } from './PublishTargetDriver';
import { WordPressTarget } from './WordPressTarget';

export type ConnectionTest = MethodOutput<'publishing.test'>;

export interface PublishingOptions {
  settings: SettingsStore;
  credentials: PublishingCredentials;
  media: MediaLibrary;
  log: Logger;
}

/**
 * Where stories are delivered, as the settings and the saved password set it up now: the targets the outbox
 * sends to, the status the settings screen and the publish confirmation show, and the connection test.
 */
export class Publishing {
  constructor(private readonly options: PublishingOptions) {}

  /** The publishing targets set up now, built from the settings and the password each time they are asked for. */
  targets({ evenIfDisabled = false }: { evenIfDisabled?: boolean } = {}): Partial<Record<PublishTarget, PublishTargetDriver>> {
    const { settings, credentials, media } = this.options;
    const current = settings.get();
    const targets: Partial<Record<PublishTarget, PublishTargetDriver>> = {};
    const account = credentials.wordpressAccount(current, { evenIfDisabled });
    if (account) targets.wordpress = new WordPressTarget(account, media);
    if ((current.folderTarget.enabled || evenIfDisabled) && current.folderTarget.path) targets.folder = new FolderTarget(current.folderTarget.path, media, () => settings.get().timeZone);
    return targets;
  }

  /** Each target: whether it is ready, where its details come from, how its password is kept, and where it sends. */
  status(): PublishingStatus {
    const current = this.options.settings.get();
    const { credentials } = this.options;
    const targets = this.targets();
    return {
      targets: [
        {
          target: 'wordpress',
          ready: targets.wordpress !== undefined,
          source: credentials.fromEnvironment ? 'environment' : 'settings',
          hasPassword: credentials.hasPassword(),
          passwordStorage: credentials.storage,
          where: credentials.wordpressAccount(current, { evenIfDisabled: true })?.url ?? current.wordpressTarget.url,
        },
        {
          target: 'folder',
          ready: targets.folder !== undefined && current.folderTarget.enabled,
          source: 'settings',
          hasPassword: false,
          passwordStorage: 'session',
          where: current.folderTarget.path,
        },
      ],
    };
  }

  /** Keeps the WordPress password (an empty one forgets it) and answers the status it makes. */
  async setPassword(password: string): Promise<PublishingStatus> {
    await this.options.credentials.setPassword(password);
    return this.status();
  }

  /** "Kiểm tra kết nối": signs in to WordPress or writes to the folder, enabled or not; a failure is an answer, not an error. */
  async test(target: PublishTarget): Promise<ConnectionTest> {
    const driver = this.targets({ evenIfDisabled: true })[target];
    if (!driver) return { ok: false, code: 'not_configured', message: `the ${target} target is missing its ${target === 'wordpress' ? 'address, user or password' : 'folder'}` };
    try {
      return { ok: true, message: await driver.test() };
    } catch (error) {
      const failure = DeliveryFailure.from(error);
      this.options.log.warn(`publishing: the ${target} connection test failed`, failure.message);
      return { ok: false, code: failure.code, message: failure.message };
    }
  }
}
