import type { StoryChanges } from '../../shared/story/storySchema';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** The story a reporter finds on first start: it shows the parts of a story and how Dateline keeps them. */
export const welcomeStory: StoryChanges = {
  headline: 'Chào mừng đến với Dateline',
  sapo: 'Dateline là bàn viết của phóng viên: viết, chú thích ảnh và hẹn giờ đăng bài ngay cả khi không có mạng. Mọi chữ được lưu tự động trên máy của bạn.',
  body: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Bắt đầu' }] },
      paragraph('Bấm “Bài mới” để tạo bài. Gõ tít, sapo rồi phần thân bài; thanh công cụ có chữ đậm, nghiêng, tiêu đề, danh sách, trích dẫn và liên kết.'),
      paragraph('Trạng thái lưu luôn hiện ở thanh dưới cùng. Bài xoá sẽ vào thùng rác và có thể khôi phục.'),
    ],
  },
  kicker: 'Hướng dẫn sử dụng',
  category: 'Hướng dẫn',
  tags: ['Dateline'],
  bylines: ['Dateline'],
  storyType: 'tin',
};
