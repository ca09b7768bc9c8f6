// Tests only: what the exchange commands answer, as the core shapes it (bindings.gen.ts), for
// the fake core of test-ipc.ts. The Tokyo trade office sends; Hanoi receives.
import type {
  Inspection,
  OfficeCardView,
  OfficeView,
  ReceivedBrief,
  ReceivedDetail,
  ReceivedOpportunity,
  SentBundle,
  Signer,
  StoreHealth,
  TrustedOffice,
} from './lib/bindings.gen';
import { briefModel, storedOpportunity } from './test-ipc';

export const TOKYO_FINGERPRINT = '3f9ac21b7e4d0a55c8e1902bd47f66a0';
export const TOKYO_GROUPED = '3F9A C21B 7E4D 0A55 C8E1 902B D47F 66A0';

/** The Tokyo trade office as a signer (unknown to the store unless changed). */
export function tokyoSigner(fields: Partial<Signer> = {}): Signer {
  return {
    office: {
      name_vi: 'Thương vụ Việt Nam tại Nhật Bản',
      name_en: 'Vietnam Trade Office in Japan',
      code: 'VNTO-TYO',
      city: 'Tokyo',
      country: 'JP',
      email: 'jp@moit.gov.vn',
    },
    fingerprint: TOKYO_FINGERPRINT,
    fingerprint_grouped: TOKYO_GROUPED,
    trust: 'unknown',
    key_id: null,
    local_name: null,
    ...fields,
  };
}

/** A checked bundle from Tokyo: an unknown signer, whose import would add a new brief. */
export function inspection(fields: Partial<Inspection> = {}): Inspection {
  return {
    bundle_uuid: '7d1c0b7e-2f55-4c1e-9a51-0c3e3a1f8b20',
    bundle_sha256: 'ab'.repeat(32),
    bytes: 184_320,
    signer: tokyoSigner(),
    brief_uuid: '1b6f1b36-9d84-5a9c-8f8e-5c0f1c5b1a11',
    brief_version: 2,
    title: 'Thị trường Nhật Bản cho bán dẫn',
    language: 'vi',
    created_at: '2026-11-20T02:15:00Z',
    personal_data: false,
    app_version: '0.1.0',
    members: [
      { path: 'brief.pdf', size: 150_000, sha256: 'c4'.repeat(32), media_type: 'application/pdf' },
      { path: 'brief.json', size: 12_000, sha256: 'd5'.repeat(32), media_type: 'application/json' },
      { path: 'opportunities.json', size: 4_000, sha256: 'e6'.repeat(32), media_type: 'application/json' },
    ],
    opportunities: null,
    would: 'imported',
    refusal: {
      code: 'untrusted_signer',
      message_vi: 'Chưa tin cậy cơ quan ký: Thương vụ Việt Nam tại Nhật Bản (3F9A C21B 7E4D 0A55 C8E1 902B D47F 66A0)',
      message_en: 'The signer is not trusted: Vietnam Trade Office in Japan (3F9A C21B 7E4D 0A55 C8E1 902B D47F 66A0)',
      fields: [],
    },
    ...fields,
  };
}

/** A received brief from Tokyo (current, verified unless changed). */
export function receivedBrief(id: number, fields: Partial<ReceivedBrief> = {}): ReceivedBrief {
  return {
    id,
    uuid: `7d1c0b7e-2f55-4c1e-9a51-${String(id).padStart(12, '0')}`,
    key_id: 1,
    fingerprint: TOKYO_FINGERPRINT,
    fingerprint_grouped: TOKYO_GROUPED,
    office_code: 'VNTO-TYO',
    office_name_vi: 'Thương vụ Việt Nam tại Nhật Bản',
    office_name_en: 'Vietnam Trade Office in Japan',
    local_name: null,
    brief_uuid: '1b6f1b36-9d84-5a9c-8f8e-5c0f1c5b1a11',
    brief_version: 2,
    title: 'Thị trường Nhật Bản cho bán dẫn',
    language: 'vi',
    sent_at: '2026-11-20T02:15:00Z',
    received_at: '2026-11-21T03:40:00Z',
    personal_data: false,
    bundle_sha256: 'ab'.repeat(32),
    verified: true,
    superseded_by: null,
    ...fields,
  };
}

/** A received opportunity (Hoa Lac unless changed), new to the catalogue. */
export function receivedOpportunity(uuid: string, fields: Partial<ReceivedOpportunity> = {}): ReceivedOpportunity {
  const { id: _id, uuid: _uuid, created_at: _c, updated_at: _u, revision: _r, ...data } = storedOpportunity(1);
  return { uuid, data, images: [], state: 'new', local_id: null, ...fields };
}

/** Everything about received brief `id`. */
export function receivedDetailOf(id: number, fields: Partial<ReceivedDetail> = {}): ReceivedDetail {
  return {
    brief: receivedBrief(id),
    model: briefModel([{ type: 'paragraph', text: { vi: 'Thị trường bán dẫn Nhật Bản', en: 'Japan chip market' } }]),
    opportunities: [receivedOpportunity('a0000000-0000-4000-8000-000000000001')],
    members: inspection().members,
    history: [],
    ...fields,
  };
}

/** A bundle sent to another office. */
export function sentBundle(id: number, fields: Partial<SentBundle> = {}): SentBundle {
  return {
    id,
    uuid: `9e2d0c7e-2f55-4c1e-9a51-${String(id).padStart(12, '0')}`,
    brief_id: 7,
    brief_uuid: '2c7a2c47-0e95-5bad-9f9f-6d1f2d6c2b22',
    brief_version: 3,
    title: 'Cơ hội đầu tư tại Hà Nội',
    path: '/home/lan/briefs/brief-7-v3.dpbundle',
    bytes: 204_800,
    sha256: 'f0'.repeat(32),
    personal_data: false,
    sent_to: 'Thương vụ Tokyo, email 12/3',
    created_at: '2026-11-22T01:00:00Z',
    ...fields,
  };
}

/** Tokyo on the trusted list. */
export function trustedOffice(id: number, fields: Partial<TrustedOffice> = {}): TrustedOffice {
  return {
    id,
    uuid: `5a1d0c7e-2f55-4c1e-9a51-${String(id).padStart(12, '0')}`,
    fingerprint: TOKYO_FINGERPRINT,
    fingerprint_grouped: TOKYO_GROUPED,
    has_key: true,
    office_code: 'VNTO-TYO',
    name_vi: 'Thương vụ Việt Nam tại Nhật Bản',
    name_en: 'Vietnam Trade Office in Japan',
    city: 'Tokyo',
    country: 'JP',
    email: 'jp@moit.gov.vn',
    local_name: null,
    trusted_at: '2026-11-21T03:40:00Z',
    trusted_by: 'ITPC-HN',
    revoked_at: null,
    revoked_by: null,
    received: 1,
    ...fields,
  };
}

/** Tokyo's office card, checked. */
export function officeCard(fields: Partial<Signer> = {}): OfficeCardView {
  return { signer: tokyoSigner(fields), created_at: '2026-11-01T00:00:00Z' };
}

/** This office: Hanoi's profile and key, or no profile yet with `null`. */
export function officeViewOf(profile: OfficeView['profile'] | undefined = undefined): OfficeView {
  return {
    profile:
      profile === undefined
        ? { name_vi: 'Trung tâm Xúc tiến Hà Nội', name_en: 'Hanoi Promotion Centre', code: 'ITPC-HN', city: 'Hà Nội', country: 'VN', email: 'info@itpc.hanoi.gov.vn' }
        : profile,
    fingerprint: profile === null ? null : '0C1D 2E3F 4A5B 6C7D 8E9F A0B1 C2D3 E4F5',
    key_place: { kind: 'file', path: '/home/lan/.local/share/delegation-planner/planner.db.office-key' },
    has_key: profile !== null,
  };
}

/** The start's health of a team store session that may not sign (an officer, a read-only role). */
export const MAY_NOT_SIGN: StoreHealth = {
  store_path: '',
  read_only: null,
  may_sign: false,
  checking: false,
  damaged: false,
  findings: [],
  newest_good_backup: null,
  check_millis: 0,
  backup_millis: 0,
};
