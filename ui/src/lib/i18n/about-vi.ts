// Vietnamese words of the About and Help screens (ui/src/about, ui/src/help), spread into vi.ts.

export const aboutVi = {
  'nav.help': 'Trợ giúp',
  'nav.about': 'Giới thiệu',
  'nav.helpShortcut': 'F1',
  'about.buildDate': 'Ngày dựng',
  'about.fingerprint': 'Dấu vân tay khoá của cơ quan',
  'about.noFingerprint': 'Chưa có: đặt hồ sơ cơ quan trong Cài đặt để tạo khoá.',
  'about.openSettings': 'Mở Cài đặt',
  'about.licences': 'Giấy phép của các thành phần đi kèm',
  'about.licencesIntro':
    'Phần mềm gồm {count} thành phần của bên thứ ba: {crates} thư viện Rust, {npm} gói npm và phông chữ {fonts}. Danh sách được tạo tự động từ các tệp khoá phiên bản (Cargo.lock, package-lock.json); văn bản giấy phép là văn bản mà mỗi gói mang theo.',
  'about.filter': 'Lọc theo tên',
  'about.kind.crate': 'thư viện Rust',
  'about.kind.npm': 'gói npm',
  'about.kind.font': 'phông chữ',
  'about.showText': 'Xem văn bản giấy phép',
  'about.hideText': 'Ẩn văn bản giấy phép',
  'about.noText': 'Gói này không kèm tệp giấy phép; giấy phép của nó là {licence} (xem {url}).',
  'about.noMatch': 'Không có thành phần nào khớp.',
  'about.fullList': 'Giấy phép và thông tin phiên bản: Giới thiệu',
  'help.language': 'Ngôn ngữ của hướng dẫn',
  'help.contents': 'Mục lục',
  'help.imageMissing': 'Chưa có hình: {alt}',
} as const;
