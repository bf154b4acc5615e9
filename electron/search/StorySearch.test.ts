import { beforeEach, describe, expect, it } from 'vitest';
import { summarizeStory, type Story } from '../../shared/story/storySchema';
import { makeStory } from '../../tests/support/seedLibrary';
import { StorySearch, type SearchFilters } from './StorySearch';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const story = (id: string, headline: string, text: string, extra: Partial<Story> = {}) =>
  makeStory({ id: `${id}-0000-4000-8000-000000000000`.slice(0, 36), headline, sapo: '', tags: [], bylines: [], category: '', dateline: '', body: { type: 'doc', content: [paragraph(text)] }, ...extra });

/** 300 stories of ordinary newsroom filler, plus the few each test looks for. */
const filler = [
  'Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm tới.',
  'Các đại biểu thảo luận về phát triển kinh tế, xây dựng nông thôn mới và chăm lo đời sống nhân dân.',
  'Lực lượng chức năng tăng cường kiểm tra, xử lý vi phạm trật tự an toàn giao thông dịp cuối năm.',
  'Ngành giáo dục chuẩn bị cho kỳ thi tốt nghiệp với nhiều giải pháp đồng bộ.',
  'Doanh nghiệp trên địa bàn đẩy mạnh sản xuất, mở rộng thị trường xuất khẩu.',
];
let search: StorySearch;
let summaries: ReturnType<typeof summarizeStory>[];
const targets = {
  quangNinh: story('aaaaaaa1', 'Quảng Ninh thông xe đường ven biển', 'Tuyến đường dài 16 km.'),
  dangVien: story('aaaaaaa2', 'Kết nạp đảng viên mới', 'Đảng bộ thành phố kết nạp 500 đảng viên trẻ.', { category: 'Chính trị', tags: ['Xây dựng Đảng'], bylines: ['Lương Cường'] }),
  dangVien2: story('aaaaaaa3', 'Sinh hoạt chi bộ', 'Mỗi đảng viên phải gương mẫu.', { category: 'Xã hội' }),
  dangVienFalse: story('aaaaaaa4', 'Bệnh viện quá tải', 'Nhiều người đang viện phí cao, đang chờ khám.'),
  hoa: story('aaaaaaa5', 'Hòa giải tranh chấp đất đai', 'Các bên đồng ý hòa giải.'),
  hoaOld: story('aaaaaaa6', 'Giữ gìn hoà bình', 'Hoà bình là khát vọng.'),
  hoaFlower: story('aaaaaaa7', 'Hoa nở sớm ở Đà Lạt', 'Hoa anh đào nở rộ.'),
  ninhKieu: story('aaaaaaa8', 'Lũ lớn ở Cần Thơ', 'Nước lên nhanh ở bến Ninh Kiều.'),
};

beforeEach(() => {
  search = new StorySearch();
  const all: Story[] = Object.values(targets);
  for (let i = 0; i < 300 - all.length; i++) all.push(story(`f${String(i).padStart(7, '0')}`, `Tin số ${i}`, filler[i % filler.length]!));
  for (const s of all) search.put(s);
  summaries = all.map(summarizeStory);
});

const ids = (query: string) => search.search(query).hits.map((hit) => hit.id);

describe('StorySearch', () => {
  it('finds "Quảng Ninh" when typed without marks', () => {
    expect(ids('quang ninh')[0]).toBe(targets.quangNinh.id);
    expect(ids('QUẢNG NINH')[0]).toBe(targets.quangNinh.id);
  });

  it('finds "đảng viên" for "dang vien", with the phrase above stories where the words merely appear', () => {
    const found = ids('dang vien');
    expect(found.slice(0, 3)).toEqual(expect.arrayContaining([targets.dangVien.id, targets.dangVien2.id]));
    expect(found.indexOf(targets.dangVien.id)).toBeLessThan(found.indexOf(targets.dangVienFalse.id) === -1 ? Infinity : found.indexOf(targets.dangVienFalse.id));
  });

  it('matches "Đảng" to "đảng" whatever the case, and ranks a headline hit above a body hit', () => {
    const found = ids('Đảng');
    expect(found).toContain(targets.dangVien2.id);
    expect(found[0]).toBe(targets.dangVien.id);
  });

  it('puts the exact spelling first for "hòa", counting the old placement "hoà" as exact', () => {
    const found = ids('hòa ');
    expect(found.slice(0, 2).sort()).toEqual([targets.hoa.id, targets.hoaOld.id].sort());
    expect(found).toContain(targets.hoaFlower.id);
    expect(found.indexOf(targets.hoaFlower.id)).toBeGreaterThan(1);
  });

  it('finds a story as the reporter types, from a prefix of the last word', () => {
    expect(ids('ninh ki')).toEqual([targets.ninhKieu.id]);
    expect(ids('can t')[0]).toBe(targets.ninhKieu.id);
    expect(ids('xyzzy')).toEqual([]);
  });

  it('follows an edit: new words are found and removed words are not', () => {
    search.put({ ...targets.quangNinh, body: { type: 'doc', content: [paragraph('Cầu Bạch Đằng nối liền hai bờ.')] } });
    expect(ids('bach dang ')).toEqual([targets.quangNinh.id]);
    expect(ids('16 km ')).not.toContain(targets.quangNinh.id);
    search.remove(targets.quangNinh.id);
    expect(ids('quang ninh ')).toEqual([]);
  });

  it('keeps the newer revision when an older one arrives late, as from a background build', () => {
    search.put({ ...targets.quangNinh, revision: 5, headline: 'Cầu Bãi Cháy sửa chữa' });
    search.put({ ...targets.quangNinh, revision: 4 });
    expect(ids('bai chay ')).toEqual([targets.quangNinh.id]);
    expect(ids('thong xe duong ven bien ')).not.toContain(targets.quangNinh.id);
  });

  it('marks where the query stands in the headline', () => {
    expect(search.search('quang ninh ').hits[0]!.id).toBe(targets.quangNinh.id);
    expect(StorySearch.highlights(targets.quangNinh.headline, 'quang ninh ')).toEqual([
      [0, 5],
      [6, 10],
    ]);
    // The word still being typed is marked where a headline word begins with it.
    expect(StorySearch.highlights(targets.quangNinh.headline, 'QUẢNG N')).toEqual([
      [0, 5],
      [6, 10],
    ]);
  });

  it('combines a search with filters: the intersection, counted before the limit', () => {
    const byId = new Map(summaries.map((s) => [s.id, s]));
    const filtered = (filters: SearchFilters, limit?: number) => {
      const passes = StorySearch.filterTest(filters);
      return search.search('dang vien ', { limit, accept: (id) => passes(byId.get(id)!) });
    };
    expect(filtered({ category: 'Chính trị' }).hits.map((s) => s.id)).toEqual([targets.dangVien.id]);
    expect(filtered({ tags: ['Xây dựng Đảng'] }).hits.map((s) => s.id)).toEqual([targets.dangVien.id]);
    expect(filtered({ author: 'luong cuong' }).hits.map((s) => s.id)).toEqual([targets.dangVien.id]);
    expect(filtered({}, 1)).toMatchObject({ total: 3, hits: [{ id: targets.dangVien.id }] });
    expect(summaries.filter(StorySearch.filterTest({ category: 'Xã hội' })).map((s) => s.id)).toEqual([targets.dangVien2.id]);
  });
});
