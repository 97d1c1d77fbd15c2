import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

let openssl: boolean | undefined;

/** Whether `openssl` can be run here (TLS tests skip without it); asked once. */
export function hasOpenssl(): boolean {
  if (openssl === undefined) {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      openssl = true;
    } catch {
      openssl = false;
    }
  }
  return openssl;
}

export interface SelfSignedCertificate {
  readonly keyFile: string;
  readonly certFile: string;
  readonly key: string;
  readonly cert: string;
}

/**
 * A one-day self-signed certificate for 127.0.0.1 made with openssl, written to `dir` as
 * `key.pem` and `cert.pem`: for the fake servers' `tls` option and `--ca-cert` tests.
 */
export function selfSignedCertificate(dir: string): SelfSignedCertificate {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { keyFile, certFile, key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}
