import type { Story } from '../../shared/story/storySchema';
import type { RemoteState } from './remoteState';

/** One way out for a story: the WordPress site, a folder. */
export interface PublishTargetDriver {
  /**
   * Makes the target show the story as it is now: scheduled, published, or withdrawn (a killed, unscheduled or
   * trashed story). `save` persists each step's progress; what it returns is the target's state afterwards.
   */
  deliver(story: Story, state: RemoteState, save: (state: RemoteState) => Promise<void>): Promise<RemoteState>;
  /** Reads the story back from the target (a scheduled post's status, after its time). */
  readBack?(state: RemoteState): Promise<RemoteState>;
  /** Publishes at once what the target still holds as scheduled. */
  publishNow?(state: RemoteState): Promise<RemoteState>;
  /** Signs in or writes a probe, and says to whom or where: "test connection". */
  test(): Promise<string>;
}
