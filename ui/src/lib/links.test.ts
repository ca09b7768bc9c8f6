import { describe, expect, it } from 'vitest';
import { hostileCorpus } from './hostile-corpus';
import { linkHref } from './links';

describe('links', () => {
  it('link a website only for http and https, whatever the corpus tries', () => {
    expect(hostileCorpus.length).toBeGreaterThan(40);
    for (const h of hostileCorpus) {
      const href = linkHref('website', h.value);
      expect(href !== null, h.id).toBe(h.link);
      if (href) expect(href, h.id).toMatch(/^https?:\/\//);
    }
  });

  it('never make a mailto or tel link of hostile text', () => {
    for (const h of hostileCorpus) {
      expect(linkHref('email', h.value), h.id).toBeNull();
      expect(linkHref('phone', h.value), h.id).toBeNull();
    }
  });

  it('link ordinary addresses and numbers', () => {
    expect(linkHref('email', 'minh.tran@tokyo.vn')).toBe('mailto:minh.tran@tokyo.vn');
    expect(linkHref('email', 'a@b.vn?subject=x')).toBeNull();
    expect(linkHref('phone', '+84 24 3825 1234')).toBe('tel:+842438251234');
    expect(linkHref('website', 'HTTPS://Example.com')).toBe('https://example.com/');
    expect(linkHref('website', 'example.com')).toBeNull();
    expect(linkHref('website', ' https://example.com')).toBeNull();
    expect(linkHref('website', null)).toBeNull();
  });
});
