// Vietnamese words of the store-health banner at the top of the window (StoreHealthBanner),
// spread into `vi.ts` (`health-en.ts` has the same keys; the compiler checks it).

export const healthVi = {
  'health.readOnlyTitle': 'Kho dữ liệu chỉ đọc',
  'health.readOnly.file': 'Không ghi được vào tệp kho dữ liệu ở đây (quyền của tệp, hoặc ổ đĩa chỉ đọc).',
  'health.readOnly.folder': 'Không ghi được vào thư mục chứa kho dữ liệu (quyền của thư mục, hoặc ổ đĩa chỉ đọc).',
  'health.readOnly.refused': 'SQLite chỉ mở được kho dữ liệu để đọc.',
  'health.readOnly.team_role': 'Vai trò của bạn trong kho dữ liệu chung chỉ được xem.',
  'health.readOnlyHintTeam': 'Bạn vẫn xem và tìm được mọi dữ liệu, nhưng mọi thay đổi sẽ bị từ chối và không có gì được lưu. Cần sửa dữ liệu thì hãy nhờ bộ phận tin học cấp vai trò cán bộ.',
  'health.readOnlyHint': 'Bạn vẫn xem và tìm được mọi dữ liệu, nhưng mọi thay đổi sẽ bị từ chối và không có gì được lưu. Tệp: {path}',
  'health.damagedTitle': 'Kho dữ liệu bị hỏng',
  'health.damagedIntro': 'Kiểm tra nhanh lúc khởi động thấy tệp kho dữ liệu bị hỏng. Những gì bạn xem có thể thiếu hoặc sai; đừng nhập thêm dữ liệu trước khi khôi phục.',
  'health.goodBackup': 'Bản sao lưu tốt gần nhất: {name}, lúc {when}.',
  'health.restore': 'Khôi phục bản sao lưu này…',
  'health.noGoodBackup': 'Không có bản sao lưu nào trong thư mục sao lưu qua được kiểm tra. Hãy xem Cài đặt › Sao lưu, hoặc nhờ bộ phận tin học.',
  'health.openBackups': 'Mở Cài đặt › Sao lưu',
  // The team store's server cannot be reached (TeamOfflineBanner).
  'health.offlineTitle': 'Kho dữ liệu chung đang mất kết nối',
  'health.offlineBody': 'Không kết nối được máy chủ: chưa lưu được gì cho đến khi kết nối trở lại.',
  'health.offlineStillWorks': 'Trong lúc chờ, vẫn làm được:',
  'health.offlineReading': 'những gì đang hiện trên màn hình vẫn đọc được;',
  'health.offlinePull': 'để làm việc không cần máy chủ, tạo một bản sao trên máy này bằng lệnh',
  'health.offlineRetrying': 'Đang thử kết nối lại mỗi {seconds} giây…',
  'health.offlineRetry': 'Thử lại ngay',
};
