import { createServices, type Services, type ServicesConfig } from '../../electron/services/createServices';
import { recordingLogger } from './quietLogger';
import { makeTempDir } from './tempDir';

export interface TempServices {
  services: Services;
  dir: string;
  log: ReturnType<typeof recordingLogger>;
  /** Closes the services (pending index and history writes included), then removes the folder. */
  close: () => Promise<void>;
}

/** The whole app's services on a fresh temp library, with a logger the test can read. */
export async function openTempServices(config: Omit<Partial<ServicesConfig>, 'dataDir' | 'log'> = {}): Promise<TempServices> {
  const { dir, remove } = await makeTempDir();
  const log = recordingLogger();
  const services = await createServices({ ...config, dataDir: dir, log });
  return {
    services,
    dir,
    log,
    close: async () => {
      await services.close();
      await remove();
    },
  };
}
