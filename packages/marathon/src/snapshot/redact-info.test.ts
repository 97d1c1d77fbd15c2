import { describe, expect, it } from 'vitest';
import { redactInfo } from './redact-info.js';

describe('redactInfo', () => {
  it('removes user info from URLs and the values of secret-looking keys, and keeps the rest', () => {
    expect(
      redactInfo({
        version: '1.10.17',
        marathon_config: { master: 'zk://u:p@zk-1:2181,zk-2:2181/mesos', mesos_leader_ui_url: 'http://leader:5050/', ssl_keystore_password: 'k', checkpoint: true },
        zookeeper_config: { zk: 'zk://super:secret@zk-1:2181/marathon', zk_timeout: 10000 },
        http_config: { http_credentials: 'admin:pw', https_port: 8443 },
      }),
    ).toEqual({
      version: '1.10.17',
      marathon_config: { master: 'zk://zk-1:2181,zk-2:2181/mesos', mesos_leader_ui_url: 'http://leader:5050/', ssl_keystore_password: '***', checkpoint: true },
      zookeeper_config: { zk: 'zk://zk-1:2181/marathon', zk_timeout: 10000 },
      http_config: { http_credentials: '***', https_port: 8443 },
    });
  });
});
