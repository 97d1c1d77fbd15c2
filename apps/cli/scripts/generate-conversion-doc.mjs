// Regenerates docs/conversion.md from the built CLI package (run after `pnpm build`).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderConversionDoc } from '../dist/conversion-doc.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/conversion.md');
writeFileSync(target, renderConversionDoc());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
