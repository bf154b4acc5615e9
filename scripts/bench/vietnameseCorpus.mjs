// A small, deterministic generator of news-like Vietnamese paragraphs, for benchmarks. Self-contained (no
// dependencies, no files) and fast enough to produce a 10,000-story corpus: the same seed always gives the same
// text. Words are drawn from a built-in list, most common first, with a Zipf-like weight, and mixed with place
// and person names, organisations, dates, figures and punctuation. Every string is NFC.

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common words of Vietnamese news copy, roughly most frequent first (the order sets the Zipf rank). A
// multi-syllable word is one entry but counts as several words, as Vietnamese word counts do.
const commonWords = `
và|của|là|có|các|được|trong|cho|với|không|những|một|người|đã|này|đến|khi|để|về|tại|từ|theo|cũng|năm|ra|như|nhiều|
sẽ|đó|thì|còn|hơn|trên|đang|phải|lại|vào|nhưng|sau|bị|việc|làm|nước|công|tỉnh|thành phố|triển khai|phát triển|
kinh tế|xã hội|chính quyền|nhân dân|cán bộ|đảng viên|hội nghị|tổ chức|thực hiện|đồng chí|chủ tịch|bí thư|ủy ban|
địa phương|dự án|đầu tư|hoạt động|công tác|chỉ đạo|quản lý|doanh nghiệp|sản xuất|du lịch|giao thông|vận tải|
xây dựng|hạ tầng|môi trường|an ninh|trật tự|quốc phòng|giáo dục|y tế|văn hóa|thể thao|nông nghiệp|thủy sản|biển|
đảo|cảng|khu công nghiệp|tăng trưởng|ngân sách|kế hoạch|mục tiêu|nhiệm vụ|giải pháp|chương trình|chính sách|
quy định|pháp luật|cơ quan|chức năng|lực lượng|công an|quân đội|biên phòng|cảnh sát|người dân|gia đình|trẻ em|
học sinh|sinh viên|giáo viên|bệnh viện|bác sĩ|ngày|tháng|tuần|sáng|chiều|tối|hôm nay|hôm qua|trước|cùng|nhằm|
đồng thời|hiện nay|thời gian|qua|tới|gần|hết|rất|đặc biệt|quan trọng|mới|lớn|nhỏ|cao|thấp|tốt|khó khăn|thuận lợi|
hiệu quả|chất lượng|nâng cao|tăng cường|đẩy mạnh|phối hợp|bảo đảm|bảo vệ|hỗ trợ|khắc phục|kiểm tra|giám sát|
đánh giá|báo cáo|đề nghị|yêu cầu|nhấn mạnh|cho biết|khẳng định|phát biểu|chia sẻ|thông tin|tình hình|kết quả|
số liệu|khoảng|toàn bộ|hầu hết|trung tâm|khu vực|vùng|xã|phường|huyện|thị xã|thôn|bản|đường|cầu|tuyến|ven biển|
cao tốc|sân bay|nhà máy|điện|than|mỏ|khai thác|lao động|việc làm|thu nhập|đời sống|nhà ở|đất đai|quy hoạch|
thủ tục|hành chính|cải cách|chuyển đổi số|trực tuyến|hệ thống|dữ liệu|ứng dụng|công nghệ|khoa học|nghiên cứu|
sáng tạo|đổi mới|hợp tác|quốc tế|đối ngoại|đại biểu|ngành|phòng|ban|đoàn|đơn vị|tập thể|cá nhân|khen thưởng|
thi đua|phong trào|lễ|kỷ niệm|truyền thống|lịch sử|di tích|lễ hội|mùa|mưa|bão|lũ|thiên tai|phòng chống|cứu hộ|
thiệt hại|an toàn|sức khỏe|dịch bệnh|tiêm chủng|thị trường|giá|hàng hóa|xuất khẩu|nhập khẩu|thương mại|dịch vụ|
khách|du khách|lượt|vịnh|bãi biển|tàu|thuyền|ngư dân|hải sản|rừng|cây|trồng|thu hoạch|bảo tồn|tiếp tục|bắt đầu|
hoàn thành|đưa vào|sử dụng|vận hành|khởi công|khánh thành|thông xe|tiến độ|chậm|nhanh|kịp thời|chặt chẽ|đồng bộ|
toàn diện|bền vững|xanh|sạch|đẹp|văn minh|hiện đại|ấm no|hạnh phúc|nhân ái|đoàn kết|thống nhất|trách nhiệm|
nghĩa vụ|quyền lợi|lợi ích|nguồn lực|vốn|ưu tiên|trọng điểm|cấp bách|lâu dài|ngắn hạn|chỉ tiêu|vượt|đạt|giảm|
tăng|ổn định|khoảng cách|chênh lệch|mức|tỷ lệ|phần trăm|bình quân|hộ nghèo|giảm nghèo|an sinh|phúc lợi|bảo hiểm|
tiền lương|Tết|mùa xuân|mùa hè|mặt trận|cựu chiến binh|phụ nữ|thanh niên|nông dân|công nhân|trí thức|nghệ sĩ|
nhà báo|báo chí|truyền thông|tuyên truyền|phổ biến|ý kiến|kiến nghị|giải quyết|xử lý|vi phạm|tội phạm|ma túy|
buôn lậu|gian lận|điều tra|khởi tố|bắt giữ|xử phạt|nghiêm|kiên quyết|quyết liệt|tuy nhiên|bên cạnh đó|ngoài ra|
gặp gỡ|nặng nề|mặt bằng|giải phóng|bặt vô âm tín|lặng lẽ|vững chắc|chắc chắn|thắng lợi|thặng dư
`
  .split('|')
  .map((word) => word.trim())
  .filter(Boolean);

const places = [
  'Quảng Ninh', 'Hạ Long', 'Cẩm Phả', 'Uông Bí', 'Móng Cái', 'Vân Đồn', 'Cô Tô', 'Đông Triều', 'Quảng Yên',
  'Tiên Yên', 'Bình Liêu', 'Đầm Hà', 'Hải Hà', 'Ba Chẽ', 'Bãi Cháy', 'Tuần Châu', 'Yên Tử', 'Hà Nội',
  'Hải Phòng', 'Thành phố Hồ Chí Minh', 'Đà Nẵng', 'Huế', 'Lạng Sơn', 'Bắc Giang', 'Hải Dương', 'Nghệ An',
];
const people = [
  'Lương Cường', 'Phạm Minh Chính', 'Tô Lâm', 'Trần Thanh Mẫn', 'Vũ Đại Thắng', 'Nguyễn Xuân Ký', 'Cao Tường Huy',
  'Trịnh Thị Minh Thanh', 'Nguyễn Văn Thắng', 'Đặng Xuân Phương', 'Phạm Thị Hồng Nhung', 'Lê Văn Ánh',
  'Nguyễn Thị Hạnh', 'Bùi Văn Khắng', 'Hoàng Bá Nam', 'Vũ Văn Diện',
];
const organisations = [
  'UBND tỉnh', 'HĐND tỉnh', 'Tỉnh ủy', 'Sở Giao thông vận tải', 'Sở Y tế', 'Sở Du lịch', 'Công an tỉnh',
  'Bộ Chỉ huy Quân sự tỉnh', 'Ban Quản lý dự án', 'Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam', 'Chính phủ',
  'Quốc hội', 'Bộ Tài chính', 'Cảng vụ Hàng hải',
];
const honorifics = ['ông', 'bà', 'đồng chí', 'anh', 'chị'];
const openers = ['Theo', 'Tại', 'Trong', 'Sau', 'Với', 'Đến nay,', 'Tuy nhiên,', 'Bên cạnh đó,', 'Ngoài ra,', 'Đặc biệt,'];
const units = ['tỷ đồng', 'triệu đồng', 'ha', 'km', 'lượt khách', 'hộ', 'người', 'tấn', '%'];

// Cumulative Zipf weights (s = 1, with an offset so the top few words do not swamp every sentence).
const cumulative = new Float64Array(commonWords.length);
{
  let total = 0;
  for (let rank = 0; rank < commonWords.length; rank++) {
    total += 1 / (rank + 5);
    cumulative[rank] = total;
  }
  for (let rank = 0; rank < commonWords.length; rank++) cumulative[rank] /= total;
}

function zipfWord(random) {
  const r = random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return commonWords[lo];
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const countWords = (text) => text.split(/\s+/).filter(Boolean).length;

function figure(random) {
  const unit = pick(random, units);
  const whole = 1 + Math.floor(random() ** 3 * 5000);
  const number = whole >= 1000 ? `${Math.floor(whole / 1000)}.${String(whole % 1000).padStart(3, '0')}` : String(whole);
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

function date(random) {
  return `${1 + Math.floor(random() * 28)}/${1 + Math.floor(random() * 12)}`;
}

function sentence(random) {
  const parts = [];
  const opening = random();
  if (opening < 0.12) parts.push(`${pick(random, ['Sáng', 'Chiều', 'Tối', 'Ngày'])} ${date(random)},`);
  else if (opening < 0.2) parts.push(`Năm ${2015 + Math.floor(random() * 11)},`);
  else if (opening < 0.32) parts.push(pick(random, openers));
  const length = 7 + Math.floor(random() * 18);
  for (let i = 0; i < length; i++) {
    const r = random();
    if (r < 0.035) parts.push(pick(random, places));
    else if (r < 0.05) parts.push(`${pick(random, honorifics)} ${pick(random, people)}`);
    else if (r < 0.065) parts.push(pick(random, organisations));
    else if (r < 0.075) parts.push(figure(random));
    else {
      let word = zipfWord(random);
      if (word === parts[parts.length - 1]) word = zipfWord(random);
      parts.push(word);
    }
    if (i > 2 && i < length - 2 && random() < 0.07) parts[parts.length - 1] += ',';
  }
  if (random() < 0.06) parts.push(`(${pick(random, places)})`);
  const end = random();
  return capitalize(parts.join(' ')) + (end < 0.9 ? '.' : end < 0.96 ? ':' : '…');
}

/**
 * Paragraphs of Vietnamese news-like text, about `wordCount` words in all (the last paragraph may overshoot by
 * a sentence). The same seed always gives the same paragraphs.
 * @param {number} seed
 * @param {number} wordCount
 * @returns {string[]} NFC strings
 */
export function generateParagraphs(seed, wordCount) {
  const random = mulberry32(seed);
  const paragraphs = [];
  let words = 0;
  while (words < wordCount) {
    const sentences = [];
    const sentenceCount = 2 + Math.floor(random() * 3);
    for (let i = 0; i < sentenceCount && words < wordCount; i++) {
      const text = sentence(random);
      sentences.push(text);
      words += countWords(text);
    }
    paragraphs.push(sentences.join(' ').normalize('NFC'));
  }
  return paragraphs;
}

/** One short headline-like line (no final full stop), for titles and headings. */
export function generateHeading(seed) {
  const random = mulberry32(seed);
  const length = 4 + Math.floor(random() * 6);
  const parts = [];
  for (let i = 0; i < length; i++) parts.push(random() < 0.12 ? pick(random, places) : zipfWord(random));
  return capitalize(parts.join(' ')).normalize('NFC');
}

export { countWords };
