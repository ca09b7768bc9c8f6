// Typed wrappers of the `exchange` commands (declared in crates/core/src/commands/declared.rs,
// signatures in commands.gen.ts): the office profile and key, bundles sent and received, trusted
// offices, adopting received opportunities. Kept apart from api.ts only for its length; the same
// `call` turns every rejection into an `ApiError`.

import { open } from '@tauri-apps/plugin-dialog';
import type { BriefLanguage, FieldChoice, OfficeProfile } from './bindings.gen';
import { ApiError, call, choosePath, toErrorPayload } from './api';

/** This office's profile, its key's fingerprint (grouped) and the private key's path. */
export const officeView = () => call('office_view');

/** Saves the office profile (refused with field errors: code, e-mail, names). */
export const saveOffice = (profile: OfficeProfile) => call('save_office', { profile });

/** Writes this office's card (public key + profile) at `path`, or beside the store when null. */
export const exportOfficeCard = (path: string | null) => call('export_office_card', { path });

/** Writes a signed bundle of a generated brief at `path` (or the exchange folder), for the Outbox. */
export const exchangeExport = (
  briefId: number,
  personalData: boolean,
  sentTo: string | null,
  path: string | null,
) => call('exchange_export', { briefId, personalData, sentTo, path });

/** Every check of a received file but writing: signer, trust, members, what an import would do. */
export const exchangeInspect = (path: string) => call('exchange_inspect', { path });

/** Imports a received file (`trust`: add its unknown signer to the trusted list first). */
export const exchangeImport = (path: string, trust: boolean) => call('exchange_import', { path, trust });

/** The received briefs, newest first. */
export const exchangeInbox = () => call('exchange_inbox');

/** The bundles written for other offices, newest first. */
export const exchangeOutbox = () => call('exchange_outbox');

/** One received brief: its data, its opportunities with their adopt state, its history. */
export const receivedDetail = (receivedId: number) => call('received_detail', { receivedId });

/** Opens a received brief's PDF in the system's viewer. */
export const openReceivedPdf = (receivedId: number) => call('open_received_pdf', { receivedId });

/** Renders a received brief again here, in `language`, at `path` or into the briefs folder. */
export const regenerateReceived = (receivedId: number, language: BriefLanguage, path: string | null) =>
  call('regenerate_received', { receivedId, language, path });

/** What adopting (all, or the given opportunities) would do, with the fields to choose. */
export const adoptPreview = (receivedId: number, opportunityUuids: string[] | null) =>
  call('adopt_preview', { receivedId, opportunityUuids });

/** Adopts received opportunities into the catalogue, with a side for each conflicting field. */
export const adoptReceived = (receivedId: number, opportunityUuids: string[] | null, choices: FieldChoice[]) =>
  call('adopt_received', { receivedId, opportunityUuids, choices });

/** The trusted offices, revoked ones included. */
export const trustedOffices = () => call('trusted_offices');

/** Reads and checks an office card (nothing written): its signer and how the store stands. */
export const inspectOfficeCard = (path: string) => call('inspect_office_card', { path });

/** Trusts a key by fingerprint, learning the key and profile from `cardPath` when given. */
export const trustOffice = (fingerprint: string, cardPath: string | null, name: string | null) =>
  call('trust_office', { fingerprint, cardPath, name });

/** Gives a trusted office the name used for it here. */
export const renameOffice = (keyId: number, name: string) => call('rename_office', { keyId, name });

/** Revokes a trusted key: its bundles are refused from now on. */
export const revokeOffice = (keyId: number) => call('revoke_office', { keyId });

/** The bundle the app was started with (from the file manager), once; null afterwards. */
export const launchBundle = () => call('launch_bundle');

async function chooseFile(name: string, extensions: string[]): Promise<string | null> {
  try {
    return await open({ multiple: false, filters: [{ name, extensions }, { name: '*', extensions: ['*'] }] });
  } catch (error) {
    throw new ApiError(toErrorPayload(error));
  }
}

/**
 * Asks for a received bundle (the native open dialog); any file may be chosen, since mail
 * clients rename attachments ("brief (1).zip") and the content decides. Null when cancelled.
 */
export const chooseBundlePath = (name: string) => chooseFile(name, ['dpbundle', 'zip']);

/** Asks for an office card to trust; any file may be chosen. Null when cancelled. */
export const chooseCardPath = (name: string) => chooseFile(name, ['dpoffice', 'json']);

/** Asks where to save a bundle; null when cancelled. */
export const chooseBundleSavePath = (defaultPath: string) => choosePath(defaultPath, 'Bundle', 'dpbundle');

/** Asks where to save this office's card; null when cancelled. */
export const chooseCardSavePath = (defaultPath: string) => choosePath(defaultPath, 'Office card', 'dpoffice');
