// Vietnamese words of the first-run screen (ui/src/firstrun), spread into `vi.ts`.

export const firstRunVi = {
  'firstRun.title': 'Chào mừng đến với Kế hoạch đoàn xúc tiến',
  'firstRun.intro': 'Vài lựa chọn trước khi bắt đầu. Mọi lựa chọn đều có thể đổi sau trong Cài đặt.',
  'firstRun.language': 'Ngôn ngữ giao diện',
  'firstRun.start': 'Bắt đầu với',
  'firstRun.demo': 'Dữ liệu mẫu',
  'firstRun.demoHint': 'Một trung tâm xúc tiến ở Hà Nội, các văn phòng thương mại, nhà đầu tư và đoàn mẫu: để làm quen với ứng dụng.',
  'firstRun.empty': 'Kho trống',
  'firstRun.emptyHint': 'Chỉ dữ liệu của văn phòng bạn: bắt đầu nhập ngay.',
  'firstRun.office': 'Văn phòng của bạn',
  'firstRun.officeHint': 'Hồ sơ mà các văn phòng khác thấy trên mỗi bản tin bạn gửi. Có thể để trống và nhập sau trong Cài đặt.',
  'firstRun.where': 'Nơi lưu dữ liệu',
  'firstRun.dataFolder': 'Thư mục dữ liệu',
  'firstRun.dataFolderHint': 'Mặc định: {folder}. Tệp kho dữ liệu planner.db nằm trong thư mục này.',
  'firstRun.backupFolder': 'Thư mục sao lưu',
  'firstRun.backupFolderHint': 'Mặc định: {folder}. Đổi sau trong Cài đặt › Sao lưu.',
  'firstRun.choose': 'Chọn thư mục…',
  'firstRun.chooseData': 'Chọn thư mục dữ liệu',
  'firstRun.chooseBackup': 'Chọn thư mục sao lưu',
  'firstRun.finish': 'Bắt đầu',
  'firstRun.finishing': 'Đang thiết lập…',
};
