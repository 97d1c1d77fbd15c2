import { describe, expect, it } from 'vitest';
import { parseMarathonUrl, publicUrl } from './marathon-url.js';

describe('parseMarathonUrl', () => {
  it('moves credentials out of the URL and drops query, fragment and trailing slashes', () => {
    expect(parseMarathonUrl('http://admin:p%40ss@marathon.mesos:8080/?token=x#y')).toEqual({ baseUrl: 'http://marathon.mesos:8080', userInfo: 'admin:p@ss' });
  });

  it('keeps an Admin Router prefix and drops an API or UI path pasted after it', () => {
    const cases = [
      ['https://dcos.example.com/service/marathon', 'https://dcos.example.com/service/marathon'],
      ['https://dcos.example.com/service/marathon/v2', 'https://dcos.example.com/service/marathon'],
      ['http://marathon:8080/v2/', 'http://marathon:8080'],
      ['http://marathon:8080/v2/apps', 'http://marathon:8080'],
      ['http://marathon:8080/ui/', 'http://marathon:8080'],
      ['http://marathon:8080/v2x', 'http://marathon:8080/v2x'],
    ];
    expect(cases.map(([url]) => [url, parseMarathonUrl(url!).baseUrl])).toEqual(cases);
  });

  it('never echoes an invalid URL, which may hold a password', () => {
    expect(() => parseMarathonUrl('http://admin:secret@[bad')).toThrow(expect.objectContaining({ code: 'BATON1001' }));
    expect(publicUrl('http://admin:secret@[bad')).toBe('<invalid URL>');
  });
});
