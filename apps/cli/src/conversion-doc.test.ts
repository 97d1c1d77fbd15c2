import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConversionDoc } from './conversion-doc.js';
import { REPO_DIR } from './test-support/shared-inputs.js';

describe('docs/conversion.md', () => {
  it('is the conversion matrix generated from the field table (run `pnpm --filter @baton/cli docs:conversion`)', () => {
    expect(readFileSync(path.join(REPO_DIR, 'docs/conversion.md'), 'utf8')).toBe(renderConversionDoc());
  });
});
