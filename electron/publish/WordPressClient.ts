import { DeliveryFailure } from './DeliveryFailure';

export interface WordPressAccount {
  /** The site's address, e.g. `https://baotinh.vn` (a path is kept: WordPress may live in a sub-folder). */
  url: string;
  user: string;
  /** An Application Password (Users → Profile), spaces allowed as WordPress shows it. */
  password: string;
}

export interface WordPressPost {
  id: number;
  link: string;
  slug: string;
  status: string;
  date_gmt: string;
  featured_media: number;
  title: { raw?: string; rendered: string };
  content: { raw?: string; rendered: string };
}

export interface WordPressMedia {
  id: number;
  source_url: string;
  slug: string;
}

type Query = Record<string, string | number | undefined>;

/**
 * The WordPress REST API as Dateline uses it. Routes go through `?rest_route=`, which every WordPress answers,
 * where `/wp-json/` needs pretty permalinks. Each call has its own timeout, and every failure comes out as a
 * DeliveryFailure saying whether another try may help.
 */
export class WordPressClient {
  constructor(
    private readonly account: WordPressAccount,
    private readonly timeoutMs = 30_000,
  ) {}

  async me(): Promise<{ id: number; name: string; capabilities?: Record<string, boolean> }> {
    return this.request('GET', '/wp/v2/users/me', { query: { context: 'edit' } });
  }

  /** A post by slug in any state but the trash, for a retry to find what an interrupted create made. */
  async findPostBySlug(slug: string): Promise<WordPressPost | null> {
    const posts = await this.request<WordPressPost[]>('GET', '/wp/v2/posts', { query: { slug, status: 'publish,future,draft,pending,private', context: 'edit' } });
    return posts[0] ?? null;
  }

  async getPost(id: number): Promise<WordPressPost> {
    return this.request('GET', `/wp/v2/posts/${id}`, { query: { context: 'edit' } });
  }

  async savePost(id: number | null, fields: Record<string, unknown>): Promise<WordPressPost> {
    return this.request('POST', id === null ? '/wp/v2/posts' : `/wp/v2/posts/${id}`, { json: fields });
  }

  async findMediaBySlug(slug: string): Promise<WordPressMedia | null> {
    const media = await this.request<WordPressMedia[]>('GET', '/wp/v2/media', { query: { slug, context: 'edit' } });
    return media[0] ?? null;
  }

  async uploadMedia(bytes: Buffer, fileName: string, mimeType: string): Promise<WordPressMedia> {
    return this.request('POST', '/wp/v2/media', {
      body: bytes,
      headers: { 'content-type': mimeType, 'content-disposition': `attachment; filename="${fileName}"` },
    });
  }

  async updateMedia(id: number, fields: { caption?: string; alt_text?: string; title?: string }): Promise<WordPressMedia> {
    return this.request('POST', `/wp/v2/media/${id}`, { json: fields });
  }

  /** The id of the category or tag called `name`, created when the site has none. */
  async termId(taxonomy: 'categories' | 'tags', name: string): Promise<number> {
    const wanted = name.normalize('NFC').trim();
    const found = await this.request<{ id: number; name: string }[]>('GET', `/wp/v2/${taxonomy}`, { query: { search: wanted, per_page: 100, context: 'edit' } });
    const same = found.find((term) => decodeEntities(term.name).normalize('NFC').toLocaleLowerCase('vi') === wanted.toLocaleLowerCase('vi'));
    if (same) return same.id;
    try {
      return (await this.request<{ id: number }>('POST', `/wp/v2/${taxonomy}`, { json: { name: wanted } })).id;
    } catch (error) {
      // Made by another writer since the search (or differing only in a way search missed): WordPress names it.
      const existing = (error as { details?: { term_id?: number } }).details?.term_id;
      if (typeof existing === 'number') return existing;
      throw error;
    }
  }

  private async request<T>(method: 'GET' | 'POST' | 'DELETE', route: string, options: { query?: Query; json?: unknown; body?: Buffer; headers?: Record<string, string> } = {}): Promise<T> {
    const url = new URL(this.account.url.replace(/\/+$/, '') + '/');
    url.searchParams.set('rest_route', route);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = {
      authorization: `Basic ${Buffer.from(`${this.account.user}:${this.account.password.replace(/\s+/g, '')}`).toString('base64')}`,
      accept: 'application/json',
      ...options.headers,
    };
    let body: string | Blob | undefined = options.body ? new Blob([Uint8Array.from(options.body)]) : undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(options.json);
    }
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body, redirect: 'follow', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw DeliveryFailure.from(error);
    }
    const text = await response.text().catch((error: unknown) => {
      throw DeliveryFailure.from(error);
    });
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      if (response.status >= 500) throw new DeliveryFailure('server', `WordPress answered ${response.status} ${method} ${route}`);
      throw new DeliveryFailure('rejected', `the address does not answer as a WordPress site (${response.status}, not JSON)`);
    }
    if (response.ok) return data as T;
    const wp = data as { code?: string; message?: string; data?: Record<string, unknown> };
    const message = `WordPress ${response.status} on ${method} ${route}: ${wp.message ?? wp.code ?? 'no reason given'}`;
    const failure =
      response.status === 401 || response.status === 403
        ? new DeliveryFailure('auth', message)
        : response.status >= 500 || response.status === 429 || response.status === 408
          ? new DeliveryFailure('server', message)
          : new DeliveryFailure('rejected', message);
    throw Object.assign(failure, { details: wp.data, wpCode: wp.code });
  }
}

/** WordPress hands names back HTML-escaped ("Văn hóa &amp; Thể thao"). */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#0?39|#8217);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#039': "'", '#8217': '’' })[entity] ?? '');
}
