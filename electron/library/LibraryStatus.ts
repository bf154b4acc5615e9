import type { MethodOutput } from '../../shared/api/contract';
import type { Quarantine } from './Quarantine';

export interface LibraryStatusOptions {
  dataDir: string;
  readOnly: boolean;
  quarantine: Quarantine;
}

/** What the app tells the reporter about the open library: where it is, whether it takes saves, what was moved aside. */
export class LibraryStatus {
  constructor(private readonly options: LibraryStatusOptions) {}

  async read(): Promise<MethodOutput<'library.status'>> {
    const { dataDir, readOnly, quarantine } = this.options;
    return { dataDir, readOnly, quarantined: await quarantine.list() };
  }

  /** The reporter has read the notice about these quarantined files (all when no ids); answers what is still listed. */
  async dismiss(ids: string[] | undefined): Promise<MethodOutput<'library.dismiss'>> {
    await this.options.quarantine.dismiss(ids);
    return { quarantined: await this.options.quarantine.list() };
  }
}
