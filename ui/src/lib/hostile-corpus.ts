// The shared hostile corpus (tests/fixtures/hostile-text.json), for the UI's tests.

/** One corpus entry, its repeats expanded. */
export interface HostileText {
  id: string;
  value: string;
  /** What a field holds after it is saved (NFC). */
  stored: string;
  line: string;
  free: string;
  link: boolean;
}

const RAW: Record<string, string> = import.meta.glob('../../../tests/fixtures/hostile-text.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

interface Entry {
  id: string;
  value: string;
  repeat?: number;
  stored?: string;
  line: string;
  free: string;
  link?: boolean;
}

/** Every entry of the corpus. */
export const hostileCorpus: HostileText[] = (JSON.parse(Object.values(RAW)[0]).entries as Entry[]).map((e) => {
  const value = e.value.repeat(e.repeat ?? 1);
  return { id: e.id, value, stored: e.stored ?? value, line: e.line, free: e.free, link: e.link ?? false };
});
