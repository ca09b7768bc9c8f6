// Vietnamese words of the backups outside Settings: the dashboard's backup status and, after a
// person is erased, the offer to remove the backups that still hold them. Spread into `vi.ts`
// (`backup-notices-en.ts` has the same keys; the compiler checks it).

export const backupNoticesVi = {
  'backupGlance.title': 'Sao lưu',
  'backupGlance.last': 'Lần sao lưu gần nhất: {when}',
  'backupGlance.place': 'Nơi lưu: {folder}',
  'backupGlance.second': 'Bản thứ hai: {folder}',
  'backupGlance.never': 'Chưa có bản sao lưu nào.',
  'backupGlance.overdue': 'Dữ liệu đã thay đổi nhưng hơn một ngày chưa được sao lưu.',
  'backupGlance.failed': 'Lần sao lưu tự động lúc {when} không thành công:',
  'backupGlance.open': 'Xem trong Cài đặt › Sao lưu',

  'eraseThin.held':
    '{n} bản sao lưu tạo trước khi xoá vẫn còn dữ liệu của người này; chúng sẽ tự bị xoá bớt trong vòng một năm.',
  'eraseThin.keepHint':
    'Hãy giữ chúng nếu việc xoá có thể là nhầm lẫn: bản sao lưu ngay trước khi xoá là cách duy nhất để lấy lại người này.',
  'eraseThin.offer': 'Xoá ngay các bản sao lưu cũ này…',
  'eraseThin.question': 'Xoá {n} bản sao lưu tạo trước khi xoá người này?',
  'eraseThin.what':
    'Mọi bản sao lưu tạo đến lúc xoá, trong thư mục sao lưu và ở nơi lưu thứ hai, kể cả các bản được giữ lại khi khôi phục, sẽ bị xoá. Trước đó ứng dụng sao lưu kho dữ liệu như hiện nay (bản này không còn dữ liệu của người đã xoá). Sau đó không thể lấy lại người này từ bản sao lưu nữa.',
  'eraseThin.confirm': 'Xoá các bản sao lưu',
  'eraseThin.working': 'Đang xoá…',
  'eraseThin.done': 'Đã xoá {n} bản sao lưu cũ. Bản sao lưu mới: {name}',
  'eraseThin.unreachable':
    'Không truy cập được {folder}: các bản sao lưu ở đó vẫn còn dữ liệu của người này. Khi kết nối lại, hãy chạy «planner backup thin --erased {id} --yes».',
};
