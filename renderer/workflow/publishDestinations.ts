import type { PublishingStatus } from '../../shared/publish/outboxSchema';
import type { Translate } from '../i18n/messageKey';

type Target = PublishingStatus['targets'][number];

/** A site's address as a reporter names it: its host ("baoquangninh.vn"), or what was typed if it is no URL. */
function siteName(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Where a delivery goes, in words: "WordPress (baoquangninh.vn) và thư mục /mnt/usb/tin-bai"; '' when nowhere. */
export function destinationsText(targets: readonly Target[], t: Translate): string {
  const names = targets
    .filter((target) => target.ready)
    .map((target) => (target.target === 'wordpress' ? t('workflow.where.wordpress', { site: siteName(target.where) }) : t('workflow.where.folder', { path: target.where })));
  return names.join(t('workflow.where.and'));
}
